package org.nashir.web;

/** A request that cannot be carried out as asked: HTTP 409 with the reason, in Arabic. */
public final class Conflict extends RuntimeException {
    private final String messageKey;

    public Conflict(String reason, String messageKey) {
        super(reason, null, false, false);
        this.messageKey = messageKey;
    }

    public String messageKey() {
        return messageKey;
    }
}
