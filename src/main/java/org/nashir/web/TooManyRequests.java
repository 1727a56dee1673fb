package org.nashir.web;

/**
 * An anonymous client over its rate limit: HTTP 429 with an Arabic page (the handler sets {@code Retry-After}). The
 * page is small on purpose: a flood is mostly refusals, and each must cost far less than what it was refused.
 */
public final class TooManyRequests extends RuntimeException {
    private final String messageKey;
    private final String back;

    public TooManyRequests(String reason) {
        this(reason, "error.429.message", null);
    }

    /**
     * Refused with the message at {@code messageKey}; when {@code back} is not null the form's text is given back to
     * be sent again later from there (a comment over the limit is not lost).
     */
    public TooManyRequests(String reason, String messageKey, String back) {
        super(reason, null, false, false);
        this.messageKey = messageKey;
        this.back = back;
    }

    public String messageKey() {
        return messageKey;
    }

    /** Where the refused form can be sent again from, or null when nothing is given back. */
    public String back() {
        return back;
    }
}
