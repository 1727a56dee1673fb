package org.nashir.web;

/** A signed-in person asking for something their role does not allow, or a form without its CSRF token: 403. */
public final class Forbidden extends RuntimeException {
    private final String messageKey;

    public Forbidden(String reason, String messageKey) {
        super(reason, null, false, false);
        this.messageKey = messageKey;
    }

    public String messageKey() {
        return messageKey;
    }
}
