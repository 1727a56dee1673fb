package org.nashir.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.nashir.storage.Database;
import org.nashir.storage.Dialect;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Real databases for tests: a SQLite file in the test's folder, or a fresh database on the one embedded
 * PostgreSQL server this test run starts (lazily, on first use, stopped when the JVM exits).
 */
public final class TestDatabases {
    private static final AtomicInteger NEXT = new AtomicInteger();
    private static EmbeddedPostgres postgres;

    private TestDatabases() {}

    /** A JDBC URL of an empty database of this dialect; SQLite files go under {@code dir}. */
    public static String url(Dialect dialect, Path dir) {
        if (dialect == Dialect.SQLITE) return Database.sqliteUrl(dir.resolve("nashir-" + NEXT.incrementAndGet() + ".db"));
        String name = "nashir_test_" + NEXT.incrementAndGet();
        try (Connection c = server().getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name, e);
        }
        return server().getJdbcUrl("postgres", name);
    }

    public static Database open(Dialect dialect, Path dir) {
        return Database.open(url(dialect, dir), "postgres", "");
    }

    private static synchronized EmbeddedPostgres server() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
            }
            EmbeddedPostgres started = postgres;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (IOException e) {
                    System.err.println("embedded PostgreSQL did not stop cleanly: " + e.getMessage());
                }
            }));
        }
        return postgres;
    }
}
