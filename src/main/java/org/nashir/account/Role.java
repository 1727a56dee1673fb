package org.nashir.account;

import java.util.Locale;

/** What a person may do in the back office. */
public enum Role {
    /** Everything, including accounts and the audit log. */
    ADMIN,
    /** Publishes anyone's work, manages sections, tags, bylines and media, moderates. */
    EDITOR,
    /** Writes and revises their own drafts and submits them for review; cannot publish. */
    WRITER,
    /** Comments only. */
    MODERATOR;

    public String db() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role fromDb(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }

    /** The Arabic name shown in the back office. */
    public String arabic() {
        return switch (this) {
            case ADMIN -> "مدير الموقع";
            case EDITOR -> "محرر";
            case WRITER -> "كاتب";
            case MODERATOR -> "مشرف تعليقات";
        };
    }

    public boolean canPublish() {
        return this == ADMIN || this == EDITOR;
    }
}
