package org.nashir.web;

import java.nio.file.FileSystemException;
import java.sql.SQLException;

/**
 * What a failed request's exception says about the storage under it, when it says anything: the database cannot be
 * reached, the disk is full, or the file system went read-only. These are not bugs to report with an id but states of
 * the machine: the person is told which, in Arabic, with {@code Retry-After}, and gets back what they wrote
 * ({@link KeptForm}).
 */
public enum StorageFailure {
    DATABASE_UNAVAILABLE("database_unavailable", "The database is unavailable; nothing was saved. Try again shortly.", "error.database", 30),
    DISK_FULL("disk_full", "The server's disk is full; nothing was saved. Try again later.", "error.disk-full", 120),
    READ_ONLY("storage_read_only", "The server's storage is read-only; nothing was saved. Try again later.", "error.disk-full", 120);

    final String code;
    final String english;
    final String messages;
    final int retryAfter;

    StorageFailure(String code, String english, String messages, int retryAfter) {
        this.code = code;
        this.english = english;
        this.messages = messages;
        this.retryAfter = retryAfter;
    }

    /** The failure {@code e} (or one of its causes) names, or null when it names none of these. */
    public static StorageFailure of(Throwable e) {
        int depth = 0;
        for (Throwable t = e; t != null && depth < 20; t = t.getCause(), depth++) {
            String message = t.getMessage() == null ? "" : t.getMessage();
            if (t instanceof java.sql.SQLTransientConnectionException || t instanceof java.sql.SQLNonTransientConnectionException) return DATABASE_UNAVAILABLE;
            if (t instanceof SQLException s) {
                String state = s.getSQLState() == null ? "" : s.getSQLState();
                // 08: connection lost; 53100: PostgreSQL's disk_full; 25006: read-only transaction (a standby).
                if (state.startsWith("08") || message.contains("has been closed")) return DATABASE_UNAVAILABLE;
                if (state.equals("53100")) return DISK_FULL;
                if (state.equals("25006")) return READ_ONLY;
                // SQLite names its states in the message: SQLITE_FULL, SQLITE_READONLY (and its extended codes).
                if (message.contains("SQLITE_FULL") || message.contains("database or disk is full")) return DISK_FULL;
                if (message.contains("SQLITE_READONLY")) return READ_ONLY;
            }
            if (message.contains("No space left on device") || message.contains("Disk quota exceeded")) return DISK_FULL;
            if (message.contains("Read-only file system")) return READ_ONLY;
            if (t instanceof FileSystemException f && f.getReason() != null && f.getReason().contains("Read-only")) return READ_ONLY;
        }
        return null;
    }
}
