package org.nashir.importer;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nashir.Nashir;
import org.nashir.article.Article;
import org.nashir.cli.Main;
import org.nashir.config.Settings;
import org.nashir.page.MenuStore;
import org.nashir.storage.Database;
import org.nashir.testing.TestSite;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12: a WordPress export with pages (one under another, one two levels down), a nav menu and an untitled draft
 * imports with exit status 0: pages keep their hierarchy and their old addresses answer 301, the menu items exist and
 * point to the new addresses, and the draft arrives with a placeholder title.
 */
class WxrPagesTest {
    /** An export written for this test, in WordPress's layout. */
    static final String EXPORT = """
        <?xml version="1.0" encoding="UTF-8" ?>
        <rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/"
             xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
        <channel>
          <title>موقع قديم</title>
          <link>http://old.example.org</link>
          <wp:base_site_url>http://old.example.org</wp:base_site_url>
          <item>
            <title><![CDATA[فريق العمل]]></title>
            <link>http://old.example.org/about/team/</link>
            <content:encoded><![CDATA[<p>المحررون والمراسلون.</p>]]></content:encoded>
            <wp:post_id>31</wp:post_id><wp:post_parent>30</wp:post_parent><wp:menu_order>0</wp:menu_order>
            <wp:status><![CDATA[publish]]></wp:status><wp:post_type><![CDATA[page]]></wp:post_type>
          </item>
          <item>
            <title><![CDATA[المراسلون في المحافظات]]></title>
            <link>http://old.example.org/about/team/reporters/</link>
            <content:encoded><![CDATA[<p>مراسلونا في كل محافظة.</p>]]></content:encoded>
            <wp:post_id>32</wp:post_id><wp:post_parent>31</wp:post_parent>
            <wp:status><![CDATA[publish]]></wp:status><wp:post_type><![CDATA[page]]></wp:post_type>
          </item>
          <item>
            <title><![CDATA[من نحن]]></title>
            <link>http://old.example.org/about/</link>
            <content:encoded><![CDATA[<p>موقع إخباري محلي منذ ٢٠١٠.</p>]]></content:encoded>
            <wp:post_id>30</wp:post_id><wp:post_parent>0</wp:post_parent>
            <wp:status><![CDATA[publish]]></wp:status><wp:post_type><![CDATA[page]]></wp:post_type>
          </item>
          <item>
            <title><![CDATA[]]></title>
            <content:encoded><![CDATA[]]></content:encoded>
            <wp:post_id>40</wp:post_id>
            <wp:post_date><![CDATA[2016-03-01 09:00:00]]></wp:post_date>
            <wp:status><![CDATA[draft]]></wp:status><wp:post_type><![CDATA[post]]></wp:post_type>
          </item>
          <item>
            <title><![CDATA[]]></title>
            <wp:post_id>50</wp:post_id><wp:menu_order>1</wp:menu_order>
            <wp:status><![CDATA[publish]]></wp:status><wp:post_type><![CDATA[nav_menu_item]]></wp:post_type>
            <category domain="nav_menu" nicename="main"><![CDATA[الرئيسية]]></category>
            <wp:postmeta><wp:meta_key><![CDATA[_menu_item_type]]></wp:meta_key><wp:meta_value><![CDATA[post_type]]></wp:meta_value></wp:postmeta>
            <wp:postmeta><wp:meta_key><![CDATA[_menu_item_object]]></wp:meta_key><wp:meta_value><![CDATA[page]]></wp:meta_value></wp:postmeta>
            <wp:postmeta><wp:meta_key><![CDATA[_menu_item_object_id]]></wp:meta_key><wp:meta_value><![CDATA[30]]></wp:meta_value></wp:postmeta>
            <wp:postmeta><wp:meta_key><![CDATA[_menu_item_menu_item_parent]]></wp:meta_key><wp:meta_value><![CDATA[0]]></wp:meta_value></wp:postmeta>
          </item>
          <item>
            <title><![CDATA[فريقنا]]></title>
            <wp:post_id>51</wp:post_id><wp:menu_order>2</wp:menu_order>
            <wp:status><![CDATA[publish]]></wp:status><wp:post_type><![CDATA[nav_menu_item]]></wp:post_type>
            <category domain="nav_menu" nicename="main"><![CDATA[الرئيسية]]></category>
            <wp:postmeta><wp:meta_key><![CDATA[_menu_item_type]]></wp:meta_key><wp:meta_value><![CDATA[post_type]]></wp:meta_value></wp:postmeta>
            <wp:postmeta><wp:meta_key><![CDATA[_menu_item_object]]></wp:meta_key><wp:meta_value><![CDATA[page]]></wp:meta_value></wp:postmeta>
            <wp:postmeta><wp:meta_key><![CDATA[_menu_item_object_id]]></wp:meta_key><wp:meta_value><![CDATA[31]]></wp:meta_value></wp:postmeta>
            <wp:postmeta><wp:meta_key><![CDATA[_menu_item_menu_item_parent]]></wp:meta_key><wp:meta_value><![CDATA[50]]></wp:meta_value></wp:postmeta>
          </item>
          <item>
            <title><![CDATA[أرشيف الصحيفة الورقية]]></title>
            <wp:post_id>52</wp:post_id><wp:menu_order>3</wp:menu_order>
            <wp:status><![CDATA[publish]]></wp:status><wp:post_type><![CDATA[nav_menu_item]]></wp:post_type>
            <category domain="nav_menu" nicename="main"><![CDATA[الرئيسية]]></category>
            <wp:postmeta><wp:meta_key><![CDATA[_menu_item_type]]></wp:meta_key><wp:meta_value><![CDATA[custom]]></wp:meta_value></wp:postmeta>
            <wp:postmeta><wp:meta_key><![CDATA[_menu_item_url]]></wp:meta_key><wp:meta_value><![CDATA[https://archive.example.org/]]></wp:meta_value></wp:postmeta>
            <wp:postmeta><wp:meta_key><![CDATA[_menu_item_menu_item_parent]]></wp:meta_key><wp:meta_value><![CDATA[0]]></wp:meta_value></wp:postmeta>
          </item>
        </channel>
        </rss>
        """;

    @Test
    void pages_menus_and_an_untitled_draft_arrive_and_old_page_addresses_answer_301(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("export.xml"), EXPORT);
        Path data = dir.resolve("data");
        PrintStream out = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        int status;
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            status = Main.run("import", "wxr", "--data", data.toString(), file.toString());
        } finally {
            System.setOut(out);
        }
        assertThat(status).as(printed.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("3 صفحة ثابتة").contains("3 عنصر قائمة");

        try (TestSite site = TestSite.create(data, Map.of("NASHIR_DB_URL", Database.sqliteUrl(data.resolve("nashir.db")))).start()) {
            String about = "/page/" + URLEncoder.encode("من-نحن", StandardCharsets.UTF_8);
            String team = about + "/" + URLEncoder.encode("فريق-العمل", StandardCharsets.UTF_8);
            String reporters = about + "/" + URLEncoder.encode("المراسلون-في-المحافظات", StandardCharsets.UTF_8);
            assertThat(Jsoup.parse(site.get(about).body()).select("h1").text()).isEqualTo("من نحن");
            assertThat(Jsoup.parse(site.get(team).body()).select("h1").text()).isEqualTo("فريق العمل");
            assertThat(site.get(reporters).statusCode()).as("two levels down goes under the top page").isEqualTo(200);
            for (var old : Map.of("/about/", about, "/about/team/", team, "/about/team/reporters/", reporters, "/?page_id=30", about).entrySet()) {
                HttpResponse<String> r = site.get(old.getKey());
                assertThat(r.statusCode()).as(old.getKey()).isEqualTo(301);
                assertThat(r.headers().firstValue("Location")).as(old.getKey()).hasValue(old.getValue());
            }
            var header = site.nashir.menus.list(MenuStore.HEADER);
            assertThat(header).extracting(MenuStore.Item::label).containsExactly("من نحن", "فريقنا", "أرشيف الصحيفة الورقية");
            assertThat(header).extracting(MenuStore.Item::href).containsExactly(about, team, "https://archive.example.org/");
            assertThat(header.get(1).parentId()).isEqualTo(header.get(0).id());
            assertThat(Jsoup.parse(site.get("/").body()).select("nav.sections details summary").text()).isEqualTo("من نحن");

            var drafts = site.nashir.articles.listForBackOffice(Article.DRAFT, null, 10);
            assertThat(drafts).extracting(r -> r.title()).containsExactly(WxrImport.UNTITLED);
        }

        // Run again: nothing doubles.
        System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        try {
            assertThat(Main.run("import", "wxr", "--data", data.toString(), file.toString())).isZero();
        } finally {
            System.setOut(out);
        }
        try (Nashir n = new Nashir(Settings.load(Map.of("NASHIR_DATA_DIR", data.toString()), Map.of()), Clock.systemUTC())) {
            assertThat(n.staticPages.listAll()).hasSize(3);
        }
    }
}
