package org.nashir.storage;

/** The two database engines Nashir runs on; the JDBC URL decides which. */
public enum Dialect {
    SQLITE, POSTGRESQL;

    public static Dialect fromUrl(String url) {
        if (url.startsWith("jdbc:sqlite:")) return SQLITE;
        if (url.startsWith("jdbc:postgresql:")) return POSTGRESQL;
        throw new IllegalArgumentException("unsupported database URL (expected jdbc:sqlite: or jdbc:postgresql:): " + url);
    }

    String migrations() {
        return "classpath:db/migration/" + name().toLowerCase(java.util.Locale.ROOT);
    }
}
