package org.nashir.web;

/** An anonymous client over its rate limit: HTTP 429 with an Arabic page (the handler sets {@code Retry-After}). */
public final class TooManyRequests extends RuntimeException {
    public TooManyRequests(String reason) {
        super(reason, null, false, false);
    }
}
