package org.nashir.comment;

import java.time.Instant;

/** A reader's comment. {@code email} is never shown to readers; the body is plain text. */
public record Comment(long id, long articleId, Long parentId, String name, String email, String body, String status,
                     String reason, Instant createdAt) {
    public static final String PENDING = "pending";
    public static final String APPROVED = "approved";
    public static final String SPAM = "spam";
}
