package org.nashir.backup;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nashir.account.Account;
import org.nashir.account.Role;
import org.nashir.article.ArticleForm;
import org.nashir.demo.DemoContent;
import org.nashir.importer.WxrImport;
import org.nashir.importer.WxrImportTestExport;
import org.nashir.storage.Dialect;
import org.nashir.testing.Images;
import org.nashir.testing.TestSite;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code export json} / {@code import json}: the whole site out and back in, losslessly, and nothing half-imported. */
class SiteExportTest {
    /** The demo site, plus what the demo lacks: an edit (two revisions), an image, comments of each status, WordPress addresses. */
    static TestSite richSite(Dialect dialect, Path dir) throws IOException {
        TestSite site = TestSite.create(dialect, dir, dialect == Dialect.SQLITE ? fixedDb(dir) : Map.of());
        DemoContent.demoAdmin(site.nashir);
        DemoContent.loadIfEmpty(site.nashir);
        long editor = site.nashir.accounts.create("editor@example.org", "محررة", Role.EDITOR, "a-long-enough-password");
        Account me = site.nashir.accounts.findById(editor).orElseThrow();
        site.nashir.tokens.create(editor, "تطبيق الهاتف");
        long media = site.nashir.media.addImported("photo.jpg", Images.jpeg(400, 200), 10L << 20, "صورة").orElseThrow();
        long id = site.nashir.articles.listLatest(1, 0).items().getFirst().id();
        var a = site.nashir.articles.findById(id).orElseThrow();
        site.nashir.editing.update(id, new ArticleForm(a.title() + " (محدّث)", "", "ملخص جديد", a.body(), "سلمى", "", "",
            Long.toString(a.sectionId()), "وسم جديد", "", Long.toString(media), "", Integer.toString(a.version()), "save", "news").toCommand(site.nashir.settings.timeZone()), me);
        Path wxr = Files.writeString(dir.resolve("export.xml"), WxrImportTestExport.xml());
        var n = site.nashir;
        new WxrImport(n.imports, n.articles, n.comments, n.spam, n.media, n.staticPages, n.menus, n.settings.timeZone(), "أرشيف", 10L << 20).run(wxr, null, x -> { });
        return site;
    }

    /** The same SQLite file each time the folder is opened (test sites get a new one otherwise). */
    static Map<String, String> fixedDb(Path dir) {
        return Map.of("NASHIR_DB_URL", org.nashir.storage.Database.sqliteUrl(dir.resolve("nashir.db")));
    }

    static byte[] export(TestSite site) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new SiteExport(site.nashir.db, site.nashir.changes).export(out);
        return out.toByteArray();
    }

    static long rows(TestSite site, String table) {
        return site.nashir.db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM " + table).mapTo(Long.class).one());
    }

    @Test
    void export_import_into_an_empty_site_and_export_again_is_identical(@TempDir Path dir) throws Exception {
        byte[] first;
        try (TestSite site = richSite(Dialect.SQLITE, dir.resolve("a"))) {
            first = export(site);
            assertThat(rows(site, "revision")).isPositive();
            assertThat(rows(site, "comment")).isEqualTo(5);
            assertThat(rows(site, "api_token")).isEqualTo(1);
        }
        try (TestSite copy = TestSite.create(dir.resolve("b"), fixedDb(dir.resolve("b")))) {
            new SiteExport(copy.nashir.db, copy.nashir.changes).importInto(new ByteArrayInputStream(first));
            assertThat(new String(export(copy), StandardCharsets.UTF_8)).isEqualTo(new String(first, StandardCharsets.UTF_8));
        }
        // The copy is a working site: pages, search (fed by the change rows the import wrote), old addresses, sign-in data.
        try (TestSite copy = TestSite.create(dir.resolve("b"), fixedDb(dir.resolve("b"))).start()) {
            long imported = copy.nashir.articles.listForBackOffice(null, null, 100).stream().filter(r -> r.title().equals("افتتاح معرض الكتاب في بيروت")).findFirst().orElseThrow().id();
            assertThat(copy.get("/article/" + imported).body()).contains("افتتاح معرض الكتاب في بيروت", "خبر جميل");
            assertThat(copy.get("/api/v1/search?q=" + java.net.URLEncoder.encode("معرض الكتاب", StandardCharsets.UTF_8)).body()).contains("\"id\":" + imported);
            assertThat(copy.get("/?p=101").statusCode()).isEqualTo(301);
            assertThat(copy.nashir.accounts.findById(copy.nashir.accounts.listAll().getFirst().id())).isPresent();
        }
    }

    /** Moving a site from the embedded database to PostgreSQL is an export and an import. */
    @Test
    void a_sqlite_site_moves_to_postgresql_unchanged(@TempDir Path dir) throws Exception {
        byte[] first;
        try (TestSite site = richSite(Dialect.SQLITE, dir.resolve("a"))) {
            first = export(site);
        }
        try (TestSite pg = TestSite.create(Dialect.POSTGRESQL, dir.resolve("pg"), Map.of())) {
            new SiteExport(pg.nashir.db, pg.nashir.changes).importInto(new ByteArrayInputStream(first));
            assertThat(new String(export(pg), StandardCharsets.UTF_8)).isEqualTo(new String(first, StandardCharsets.UTF_8));
            // Ids continue after the imported ones instead of colliding with them.
            long next = pg.publish("سياسة", "أول خبر بعد الانتقال", pg.clock.instant());
            assertThat(next).isGreaterThan(pg.nashir.db.jdbi().withHandle(h -> h.createQuery("SELECT MAX(id) FROM article WHERE id <> :n").bind("n", next).mapTo(Long.class).one()));
        }
    }

    @Test
    void a_broken_or_foreign_document_is_refused_with_its_reason_and_nothing_is_written(@TempDir Path dir) throws Exception {
        String good;
        try (TestSite site = richSite(Dialect.SQLITE, dir.resolve("a"))) {
            good = new String(export(site), StandardCharsets.UTF_8);
        }
        List<String[]> cases = new ArrayList<>();
        cases.add(new String[] {"not json {", "ليس JSON سليماً"});
        cases.add(new String[] {"[1, 2]", "ليس تصديراً من ناشر"});
        cases.add(new String[] {good.replace("\"nashir-export\"", "\"wordpress\""), "ليس تصديراً من ناشر"});
        cases.add(new String[] {good.replace("\"version\" : 1", "\"version\" : 9"), "إصدار التصدير 9"});
        cases.add(new String[] {good.replaceFirst("\"section\" :", "\"sections\" :"), "جدول غير معروف"});
        cases.add(new String[] {good.replaceFirst("\"view_count\" : \\d+", "\"view_count\" : \"كثير\""), "العمود view_count: يُنتظر عدد صحيح"});
        cases.add(new String[] {good.replaceFirst("\"published_at\" : \"[^\"]+\"", "\"published_at\" : \"أمس\""), "يُنتظر وقت بصيغة ISO-8601"});
        cases.add(new String[] {good.replaceFirst(",\\s*\"slug\" : \"[^\"]*\"", ""), "العمود slug: العمود مفقود"});
        cases.add(new String[] {good.substring(0, good.length() / 2), "ليس JSON سليماً"});
        for (String[] c : cases) {
            try (TestSite empty = TestSite.create(dir.resolve("e" + cases.indexOf(c)))) {
                Throwable refused = org.assertj.core.api.Assertions.catchThrowable(() ->
                    new SiteExport(empty.nashir.db, empty.nashir.changes).importInto(new ByteArrayInputStream(c[0].getBytes(StandardCharsets.UTF_8))));
                assertThat(refused).as(c[1]).isInstanceOf(SiteExport.Refused.class).hasMessageContaining(c[1]);
                assertThat(rows(empty, "article") + rows(empty, "section") + rows(empty, "comment")).as("nothing half-imported: " + c[1]).isZero();
            }
        }
        try (TestSite full = TestSite.create(dir.resolve("a"), fixedDb(dir.resolve("a")))) {
            assertThatThrownBy(() -> new SiteExport(full.nashir.db, full.nashir.changes).importInto(new ByteArrayInputStream(good.getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(SiteExport.Refused.class).hasMessageContaining("يحتاج إلى موقع فارغ");
        }
    }

    /** A migration that adds a column or a table must add it to the export too, or the export would silently drop it. */
    @Test
    void every_column_of_every_table_is_exported_or_deliberately_left_out(@TempDir Path dir) {
        try (TestSite site = TestSite.create(dir)) {
            List<String> tables = site.nashir.db.jdbi().withHandle(h -> h.createQuery(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").mapTo(String.class).list());
            List<String> exported = SiteExport.TABLES.stream().map(SiteExport.Table::name).toList();
            assertThat(tables).containsExactlyInAnyOrderElementsOf(new ArrayList<>(java.util.stream.Stream.concat(exported.stream(),
                java.util.stream.Stream.of("session", "change", "feed_position", "counter", "view_seen", "flyway_schema_history")).toList()));
            for (SiteExport.Table t : SiteExport.TABLES) {
                List<String> columns = site.nashir.db.jdbi().withHandle(h -> h.createQuery("SELECT name FROM pragma_table_info(:t)").bind("t", t.name()).mapTo(String.class).list());
                assertThat(t.columns()).extracting(SiteExport.Column::name).as(t.name()).containsExactlyInAnyOrderElementsOf(columns);
            }
        }
    }
}
