package org.nashir.backup;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Update;
import org.nashir.storage.ChangeFeed;
import org.nashir.storage.ChangeKind;
import org.nashir.storage.Database;
import org.nashir.storage.Dialect;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code export json} and {@code import json}: the whole site as one JSON document, table by table, row by row,
 * with every column that makes the site (ids included, so links between rows survive), in a documented layout
 * (README, "Export and backup"). Written and read as a stream, so a large site never sits in memory whole.
 * Not exported: sessions (sign-ins), the change feed, the nodes' positions in it and the search index (all rebuilt),
 * limits' counts and the readers already counted (they expire within the hour), and media files (only their rows;
 * the files travel with {@code backup}, a copy of {@code <data>/media} or the bucket).
 *
 * <p>The same database exported twice gives the same bytes, and export → import into an empty site → export is
 * identical: rows are written in primary-key order and times as ISO-8601 instants.
 */
public final class SiteExport {
    static final String FORMAT = "nashir-export";
    static final int VERSION = 1;

    /** A column and how it is read and bound: L whole number, S text, T instant, B yes/no. */
    record Column(String name, char type) {}

    record Table(String name, String orderBy, boolean identity, List<Column> columns) {}

    /** The tables in an order where every row's references come before it. */
    static final List<Table> TABLES = List.of(
        table("section", "id", true, "id L", "slug S", "name S", "position L"),
        table("account", "id", true, "id L", "email S", "name S", "role S", "password_hash S", "disabled B", "created_at T",
            "totp_secret S", "totp_pending S", "totp_last_step L", "totp_enabled_at T"),
        table("recovery_code", "id", true, "id L", "account_id L", "code_hash S", "used_at T"),
        table("two_step_role", "role", false, "role S"),
        table("api_token", "id", true, "id L", "account_id L", "name S", "token_hash S", "hint S", "created_at T", "last_used_at T", "revoked_at T", "expires_at T"),
        table("media", "id", true, "id L", "file_key S", "original_name S", "mime S", "width L", "height L", "bytes L", "widths S", "sizes S", "alt S",
            "caption S", "credit S", "created_by L", "created_at T"),
        table("author", "id", true, "id L", "slug S", "name S", "is_desk B", "bio S", "photo_media_id L"),
        table("tag", "id", true, "id L", "slug S", "name S"),
        table("article", "id", true, "id L", "slug S", "title S", "kicker S", "summary S", "body S", "source_name S", "source_url S", "label S",
            "section_id L", "status S", "published_at T", "updated_at T", "created_at T", "view_count L", "version L", "legacy_url S",
            "import_key S", "created_by L", "featured_media_id L", "comments_closed B", "kind S", "live_started_at T", "live_ended_at T",
            "search_terms S"),
        table("article_author", "article_id, position, author_id", false, "article_id L", "author_id L", "position L"),
        table("article_tag", "article_id, tag_id", false, "article_id L", "tag_id L"),
        table("revision", "id", true, "id L", "article_id L", "version L", "title S", "kicker S", "summary S", "body S", "source_name S",
            "source_url S", "label S", "section_id L", "bylines S", "tags S", "status S", "published_at T", "account_id L", "saved_at T"),
        table("pin", "id", true, "id L", "scope S", "article_id L", "position L", "lapses_at T", "created_at T"),
        table("ticker", "id", true, "id L", "article_id L", "text S", "link S", "created_at T", "expires_at T", "ended_at T", "created_by L"),
        table("correction", "id", true, "id L", "article_id L", "kind S", "body S", "created_at T", "account_id L"),
        table("preview_link", "id", true, "id L", "article_id L", "token_hash S", "created_at T", "expires_at T", "revoked_at T", "created_by L"),
        table("live_entry", "id", true, "id L", "article_id L", "body S", "media_id L", "pinned B", "created_at T", "updated_at T", "created_by L"),
        table("comment", "id", true, "id L", "article_id L", "parent_id L", "name S", "email S", "body S", "status S", "reason S", "ip_hash S",
            "email_hash S", "body_hash S", "created_at T"),
        table("comment_ban", "kind, hash", false, "kind S", "hash S", "created_at T"),
        table("slug_redirect", "kind, old_slug", false, "kind S", "old_slug S", "target L"),
        table("legacy_path", "path", false, "path S", "article_id L"),
        table("article_view_day", "article_id, day", false, "article_id L", "day L", "views L"),
        table("article_view_hour", "article_id, hour", false, "article_id L", "hour L", "views L"),
        table("page", "(parent_id IS NOT NULL), id", true, "id L", "parent_id L", "slug S", "title S", "body S", "status S", "version L",
            "created_at T", "updated_at T"),
        table("page_legacy_path", "path", false, "path S", "page_id L"),
        table("page_revision", "id", true, "id L", "page_id L", "version L", "title S", "body S", "account_id L", "saved_at T"),
        table("menu_item", "(parent_id IS NOT NULL), id", true, "id L", "menu S", "parent_id L", "position L", "label S", "href S"),
        table("audit", "id", true, "id L", "at T", "account_id L", "action S", "target S", "detail S"),
        table("name_entity", "id", true, "id L", "latin S"),
        table("name_spelling", "folded", false, "folded S", "shown S", "entity_id L"),
        table("search_stat", "day, folded", false, "day L", "folded S", "shown S", "searches L", "empty L"));

    private static Table table(String name, String orderBy, boolean identity, String... columns) {
        List<Column> cols = new ArrayList<>();
        for (String c : columns) cols.add(new Column(c.substring(0, c.indexOf(' ')), c.charAt(c.length() - 1)));
        return new Table(name, orderBy, identity, List.copyOf(cols));
    }

    /** A document that cannot be imported: the message says where and why, in Arabic, for the operator. */
    public static final class Refused extends Exception {
        Refused(String message) {
            super(message, null, false, false);
        }
    }

    private final Database db;
    private final ChangeFeed changes;

    public SiteExport(Database db, ChangeFeed changes) {
        this.db = db;
        this.changes = changes;
    }

    /** Writes the site to {@code out} in one read transaction, so the export is one consistent moment. Returns rows written. */
    public long export(OutputStream out) throws IOException {
        try (JsonGenerator g = new JsonFactory().createGenerator(out, JsonEncoding.UTF8)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("format", FORMAT);
            g.writeNumberField("version", VERSION);
            g.writeObjectFieldStart("tables");
            long rows = db.jdbi().withHandle(h -> inSnapshot(h, () -> {
                long n = 0;
                for (Table t : TABLES) n += writeTable(h, t, g);
                return n;
            }));
            g.writeEndObject();
            g.writeEndObject();
            return rows;
        }
    }

    interface Reading {
        long run() throws IOException;
    }

    /**
     * One consistent moment without holding up writers. SQLite's pool opens write transactions (BEGIN IMMEDIATE),
     * which would stop every save for the length of the export; a deferred one reads a WAL snapshot instead.
     */
    private long inSnapshot(Handle h, Reading reading) throws IOException {
        if (db.dialect() == Dialect.SQLITE) {
            h.execute("BEGIN DEFERRED");
            try {
                return reading.run();
            } finally {
                h.execute("COMMIT");
            }
        }
        h.setTransactionIsolationLevel(org.jdbi.v3.core.transaction.TransactionIsolationLevel.REPEATABLE_READ);
        h.begin();
        try {
            return reading.run();
        } finally {
            h.rollback();
        }
    }

    private static long writeTable(Handle h, Table t, JsonGenerator g) throws IOException {
        g.writeArrayFieldStart(t.name());
        String cols = String.join(", ", t.columns().stream().map(Column::name).toList());
        long[] n = {0};
        try (var rows = h.createQuery("SELECT " + cols + " FROM " + t.name() + " ORDER BY " + t.orderBy()).map((rs, ctx) -> {
            try {
                g.writeStartObject();
                for (Column c : t.columns()) writeValue(g, rs, c);
                g.writeEndObject();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return 1;
        }).stream()) {
            rows.forEach(one -> n[0]++);
        }
        g.writeEndArray();
        return n[0];
    }

    private static void writeValue(JsonGenerator g, ResultSet rs, Column c) throws SQLException, IOException {
        g.writeFieldName(c.name());
        switch (c.type()) {
            case 'L' -> {
                long v = rs.getLong(c.name());
                if (rs.wasNull()) g.writeNull(); else g.writeNumber(v);
            }
            case 'B' -> {
                boolean v = rs.getBoolean(c.name());
                if (rs.wasNull()) g.writeNull(); else g.writeBoolean(v);
            }
            case 'T' -> {
                Timestamp v = rs.getTimestamp(c.name());
                if (v == null) g.writeNull(); else g.writeString(v.toInstant().toString());
            }
            default -> {
                String v = rs.getString(c.name());
                if (v == null) g.writeNull(); else g.writeString(v);
            }
        }
    }

    /**
     * Reads a document written by {@link #export} into this site, which must be empty, in one transaction: all of it
     * or (with the reason) nothing. Every article gets a change row, so search indexes and caches pick it up.
     * Returns rows read.
     */
    public long importInto(InputStream in) throws IOException, Refused {
        long existing = db.jdbi().withHandle(h -> h.createQuery(
            "SELECT (SELECT COUNT(*) FROM article) + (SELECT COUNT(*) FROM section) + (SELECT COUNT(*) FROM account) + (SELECT COUNT(*) FROM author)")
            .mapTo(Long.class).one());
        if (existing > 0) throw new Refused("الاستيراد من JSON يحتاج إلى موقع فارغ، وفي هذا الموقع " + existing + " صفاً من المقالات والأقسام والحسابات والكتّاب");
        ObjectMapper json = new ObjectMapper();
        try (JsonParser p = json.getFactory().createParser(in)) {
            Handle h = db.jdbi().open();
            try (h) {
                h.begin();
                long rows = readDocument(p, json, h);
                if (db.dialect() == Dialect.POSTGRESQL) {
                    // Rows came with their ids: move each identity past them, or the next insert would collide.
                    for (Table t : TABLES) {
                        if (t.identity()) h.execute("SELECT setval(pg_get_serial_sequence('" + t.name() + "', 'id'), COALESCE((SELECT MAX(id) FROM " + t.name() + "), 0) + 1, false)");
                    }
                }
                for (long id : h.createQuery("SELECT id FROM article ORDER BY id").mapTo(Long.class).list()) changes.append(h, ChangeKind.ARTICLE_IMPORTED, id);
                h.commit();
                return rows;
            } catch (Refused | IOException | RuntimeException e) {
                if (h.isInTransaction()) h.rollback();
                throw e;
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new Refused("الملف ليس JSON سليماً (السطر " + e.getLocation().getLineNr() + "): " + e.getOriginalMessage());
        }
    }

    private long readDocument(JsonParser p, ObjectMapper json, Handle h) throws IOException, Refused {
        if (p.nextToken() != JsonToken.START_OBJECT) throw new Refused("الملف ليس تصديراً من ناشر: يُنتظر كائن JSON في أوله");
        boolean formatSeen = false;
        long rows = 0;
        int nextTable = 0;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            switch (field) {
                case "format" -> {
                    if (!FORMAT.equals(p.getValueAsString())) throw new Refused("الملف ليس تصديراً من ناشر (format = " + p.getText() + ")");
                    formatSeen = true;
                }
                case "version" -> {
                    if (p.getValueAsInt() != VERSION) throw new Refused("إصدار التصدير " + p.getText() + " غير مدعوم (المدعوم: " + VERSION + ")");
                }
                case "tables" -> {
                    if (!formatSeen) throw new Refused("الملف ليس تصديراً من ناشر: الحقل format مفقود قبل الجداول");
                    if (p.currentToken() != JsonToken.START_OBJECT) throw new Refused("الحقل tables يجب أن يكون كائناً");
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String name = p.currentName();
                        int index = indexOf(name);
                        if (index < 0) throw new Refused("جدول غير معروف في التصدير: " + name);
                        if (index < nextTable) throw new Refused("الجدول " + name + " في غير موضعه أو مكرر: يجب أن تأتي الجداول بترتيب التصدير");
                        nextTable = index + 1;
                        if (p.nextToken() != JsonToken.START_ARRAY) throw new Refused("الجدول " + name + " يجب أن يكون مصفوفة صفوف");
                        // An empty site comes with the seeded list of names: the exported site's list replaces it.
                        if (name.equals("name_entity")) {
                            h.execute("DELETE FROM name_spelling");
                            h.execute("DELETE FROM name_entity");
                        }
                        rows += readRows(p, json, h, TABLES.get(index));
                    }
                }
                default -> p.skipChildren();
            }
        }
        if (!formatSeen) throw new Refused("الملف ليس تصديراً من ناشر: الحقل format مفقود");
        return rows;
    }

    private static int indexOf(String table) {
        for (int i = 0; i < TABLES.size(); i++) if (TABLES.get(i).name().equals(table)) return i;
        return -1;
    }

    private static long readRows(JsonParser p, ObjectMapper json, Handle h, Table t) throws IOException, Refused {
        String cols = String.join(", ", t.columns().stream().map(Column::name).toList());
        String params = String.join(", ", t.columns().stream().map(c -> ":" + c.name()).toList());
        String sql = "INSERT INTO " + t.name() + " (" + cols + ") VALUES (" + params + ")";
        long n = 0;
        while (p.nextToken() == JsonToken.START_OBJECT) {
            n++;
            JsonNode row = json.readTree(p);
            Update u = h.createUpdate(sql);
            for (Column c : t.columns()) bind(u, t, n, c, row.get(c.name()));
            try {
                u.execute();
            } catch (org.jdbi.v3.core.statement.StatementException e) {
                throw new Refused("تعذّر إدخال الصف " + n + " من الجدول " + t.name() + ": " + rootMessage(e));
            }
        }
        if (p.currentToken() != JsonToken.END_ARRAY) throw new Refused("الجدول " + t.name() + ": يُنتظر صف (كائن) في الموضع " + (n + 1));
        return n;
    }

    /**
     * Columns added after export format 1 was first written, with the value they take in an export made before
     * them (tables added later are simply absent from such an export).
     */
    static final Map<String, JsonNode> ADDED_LATER = Map.of("article.kind", TextNode.valueOf("news"),
        "article.live_started_at", NullNode.getInstance(), "article.live_ended_at", NullNode.getInstance(),
        // Filled in again by the server on start (ArticleFinder.fillMissingTerms).
        "article.search_terms", NullNode.getInstance(),
        // Looked up from the stored files when first needed (MediaStore.renditionBytes).
        "media.sizes", TextNode.valueOf(""));

    private static void bind(Update u, Table t, long row, Column c, JsonNode v) throws Refused {
        String where = "الجدول " + t.name() + "، الصف " + row + "، العمود " + c.name();
        if (v == null) v = ADDED_LATER.get(t.name() + "." + c.name());
        if (v == null) throw new Refused(where + ": العمود مفقود");
        if (v.isNull()) {
            switch (c.type()) {
                case 'L' -> u.bind(c.name(), (Long) null);
                case 'B' -> u.bind(c.name(), (Boolean) null);
                case 'T' -> u.bind(c.name(), (Instant) null);
                default -> u.bind(c.name(), (String) null);
            }
            return;
        }
        switch (c.type()) {
            case 'L' -> {
                if (!v.isIntegralNumber() || !v.canConvertToLong()) throw new Refused(where + ": يُنتظر عدد صحيح، والموجود " + v);
                u.bind(c.name(), v.longValue());
            }
            case 'B' -> {
                if (!v.isBoolean()) throw new Refused(where + ": يُنتظر true أو false، والموجود " + v);
                u.bind(c.name(), v.booleanValue());
            }
            case 'T' -> {
                try {
                    u.bind(c.name(), Instant.parse(v.asText()));
                } catch (DateTimeParseException e) {
                    throw new Refused(where + ": يُنتظر وقت بصيغة ISO-8601 مثل 2015-11-16T08:30:00Z، والموجود " + v);
                }
            }
            default -> {
                if (!v.isTextual()) throw new Refused(where + ": يُنتظر نص، والموجود " + v);
                u.bind(c.name(), v.textValue());
            }
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable c = e;
        while (c.getCause() != null && c.getCause() != c) c = c.getCause();
        return String.valueOf(c.getMessage());
    }
}
