package org.nashir.comment;

import org.nashir.arabic.Plural;
import java.time.Instant;

/** A reader's comment. {@code email} is never shown to readers; the body is plain text. */
public record Comment(long id, long articleId, Long parentId, String name, String email, String body, String status,
                     String reason, Instant createdAt) {
    public static final String PENDING = "pending";
    public static final String APPROVED = "approved";
    public static final String SPAM = "spam";

    /** "تعليق واحد، تعليقان، ٣ تعليقات، ١١ تعليقًا، ١٠٠ تعليق". */
    public static final Plural COUNT = new Plural("تعليق واحد", "تعليقان", "تعليقات", "تعليقًا", "تعليق");
}
