package org.nashir.web;

import org.junit.jupiter.api.Test;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 16: the failures of the machine under a write are named, however deep the driver wraps them. */
class StorageFailureTest {
    @Test
    void a_full_disk_is_named_from_sqlite_postgresql_and_the_file_system() {
        var sqlite = new SQLiteException("[SQLITE_FULL] Insertion failed because database is full (database or disk is full)", SQLiteErrorCode.SQLITE_FULL);
        assertThat(StorageFailure.of(new org.jdbi.v3.core.statement.UnableToExecuteStatementException(sqlite, null))).isEqualTo(StorageFailure.DISK_FULL);
        assertThat(StorageFailure.of(new SQLException("could not extend file \"base/16384/2619\": No space left on device", "53100"))).isEqualTo(StorageFailure.DISK_FULL);
        assertThat(StorageFailure.of(new UncheckedIOException(new IOException("No space left on device")))).isEqualTo(StorageFailure.DISK_FULL);
        assertThat(StorageFailure.of(new UncheckedIOException(new FileSystemException("/data/media/x.tmp", null, "Read-only file system"))))
            .isEqualTo(StorageFailure.READ_ONLY);
        var readOnly = new SQLiteException("[SQLITE_READONLY] Attempt to write a readonly database (attempt to write a readonly database)", SQLiteErrorCode.SQLITE_READONLY);
        assertThat(StorageFailure.of(new RuntimeException(readOnly))).isEqualTo(StorageFailure.READ_ONLY);
        assertThat(StorageFailure.of(new java.sql.SQLTransientConnectionException("Connection is not available, request timed out after 3000ms")))
            .isEqualTo(StorageFailure.DATABASE_UNAVAILABLE);
    }

    @Test
    void other_failures_are_not_storage_failures() {
        assertThat(StorageFailure.of(new IllegalStateException("a bug"))).isNull();
        assertThat(StorageFailure.of(new SQLException("duplicate key value violates unique constraint", "23505"))).isNull();
    }
}
