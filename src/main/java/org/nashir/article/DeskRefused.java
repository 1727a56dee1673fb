package org.nashir.article;

/**
 * A desk action refused for a reason the editor can fix (a pin beyond the limit, an expiry in the past, a
 * correction on a draft): the English reason for the log and a message key for the Arabic answer. Nothing was
 * written.
 */
public final class DeskRefused extends RuntimeException {
    private final String messageKey;

    DeskRefused(String english, String messageKey) {
        super(english, null, false, false);
        this.messageKey = messageKey;
    }

    public String messageKey() {
        return messageKey;
    }
}
