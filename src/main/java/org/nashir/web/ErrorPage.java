package org.nashir.web;

/** The Arabic error page: what went wrong, in words, and a way back. */
public record ErrorPage(Frame frame, int status, String heading, String message, KeptForm kept) {
    public ErrorPage(Frame frame, int status, String heading, String message) {
        this(frame, status, heading, message, null);
    }
}
