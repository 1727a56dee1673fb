package org.nashir.storage;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The connection pool, JDBI and migrations for one database. SQLite runs with WAL, {@code synchronous=FULL}
 * (a committed write survives power loss) and {@code transaction_mode=IMMEDIATE}, so a write transaction takes
 * the write lock when it begins instead of failing on lock upgrade half-way through.
 */
public final class Database implements AutoCloseable {
    private final HikariDataSource pool;
    private final Jdbi jdbi;
    private final Dialect dialect;

    private Database(HikariDataSource pool, Dialect dialect) {
        this.pool = pool;
        this.dialect = dialect;
        this.jdbi = Jdbi.create(pool);
    }

    /** Opens the database at {@code url} with the default waits (3 s for a connection, no statement limit). */
    public static Database open(String url, String user, String password) {
        return open(url, user, password, java.time.Duration.ofSeconds(3), java.time.Duration.ZERO);
    }

    /**
     * Opens the database at {@code url}, creating the SQLite file's folder if needed, and migrates it. A request waits
     * at most {@code connectionWait} for a connection; on PostgreSQL a statement runs at most {@code statementLimit}
     * (zero: no limit; migrations are never limited) and a database that stops answering mid-query is given up after
     * that limit plus a few seconds, instead of the operating system's minutes-long TCP timeout.
     */
    public static Database open(String url, String user, String password, java.time.Duration connectionWait, java.time.Duration statementLimit) {
        Dialect dialect = Dialect.fromUrl(url);
        HikariConfig config = new HikariConfig();
        config.setPoolName("nashir-db");
        if (dialect == Dialect.SQLITE) {
            createParentFolder(url);
            config.setJdbcUrl(url + (url.contains("?") ? "&" : "?")
                + "journal_mode=WAL&synchronous=FULL&foreign_keys=true&busy_timeout=10000&transaction_mode=IMMEDIATE");
            config.setMaximumPoolSize(8);
        } else {
            config.setJdbcUrl(url);
            config.setUsername(user);
            config.setPassword(password);
            config.setMaximumPoolSize(16);
            config.addDataSourceProperty("connectTimeout", "3");
            config.addDataSourceProperty("tcpKeepAlive", "true");
            if (!statementLimit.isZero()) {
                config.setConnectionInitSql("SET statement_timeout = " + statementLimit.toMillis());
                config.addDataSourceProperty("socketTimeout", Long.toString(statementLimit.toSeconds() + 5));
            }
        }
        // A short wait for a connection (HikariCP's default is 30 s): when the database is down, a write is told so
        // (503) while the writer is still there, and the render of a cached page gives way to its previous version sooner.
        config.setConnectionTimeout(Math.max(250, connectionWait.toMillis()));
        HikariDataSource pool = new HikariDataSource(config);
        try {
            // Migrations on their own connection, without the statement limit: a large table may take longer to change.
            var flyway = Flyway.configure().locations(dialect.migrations());
            (dialect == Dialect.POSTGRESQL && !statementLimit.isZero() ? flyway.dataSource(url, user, password) : flyway.dataSource(pool)).load().migrate();
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
        return new Database(pool, dialect);
    }

    public static String sqliteUrl(Path file) {
        return "jdbc:sqlite:" + file.toAbsolutePath();
    }

    private static void createParentFolder(String url) {
        String file = url.substring("jdbc:sqlite:".length());
        int q = file.indexOf('?');
        if (q >= 0) file = file.substring(0, q);
        if (file.isEmpty() || file.equals(":memory:")) return;
        Path parent = Path.of(file).toAbsolutePath().getParent();
        try {
            Files.createDirectories(parent);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the database folder " + parent, e);
        }
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    public Dialect dialect() {
        return dialect;
    }

    /** The connection pool's state as gauges: connections in use, idle, all, and requests waiting for one. */
    public void bindTo(io.micrometer.core.instrument.MeterRegistry registry) {
        io.micrometer.core.instrument.Gauge.builder("nashir.db.connections", pool, p -> p.getHikariPoolMXBean() == null ? 0 : p.getHikariPoolMXBean().getActiveConnections())
            .tag("state", "active").register(registry);
        io.micrometer.core.instrument.Gauge.builder("nashir.db.connections", pool, p -> p.getHikariPoolMXBean() == null ? 0 : p.getHikariPoolMXBean().getIdleConnections())
            .tag("state", "idle").register(registry);
        io.micrometer.core.instrument.Gauge.builder("nashir.db.connections", pool, p -> p.getHikariPoolMXBean() == null ? 0 : p.getHikariPoolMXBean().getThreadsAwaitingConnection())
            .tag("state", "waiting").register(registry);
        io.micrometer.core.instrument.Gauge.builder("nashir.db.connections.max", pool, p -> p.getMaximumPoolSize()).register(registry);
    }

    @Override
    public void close() {
        pool.close();
    }
}
