package org.nashir.web;

/** Content that does not exist (or not for readers): answered with the Arabic 404 page. */
public final class NotFound extends RuntimeException {
    private final String messageKey;

    /** {@code reason} is for the log, in English; {@code messageKey} is what the reader is told. */
    public NotFound(String reason, String messageKey) {
        super(reason, null, false, false);
        this.messageKey = messageKey;
    }

    public String messageKey() {
        return messageKey;
    }
}
