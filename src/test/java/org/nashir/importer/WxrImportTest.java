package org.nashir.importer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nashir.article.Article;
import org.nashir.comment.Comment;
import org.nashir.testing.TestSite;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Moving in from WordPress: a WXR export becomes articles with their sections, tags, bylines, comments and old addresses. */
class WxrImportTest {
    static final String SLUG = "افتتاح-معرض-الكتاب";

    /** A small export in WordPress's own layout (WXR 1.2), written for this test. */
    static String export(String extraItems) {
        return """
            <?xml version="1.0" encoding="UTF-8" ?>
            <rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/"
                 xmlns:wfw="http://wellformedweb.org/CommentAPI/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
            <channel>
              <title>موقع قديم</title>
              <link>http://old.example.org</link>
              <wp:wxr_version>1.2</wp:wxr_version>
              <wp:base_site_url>http://old.example.org</wp:base_site_url>
              <wp:author><wp:author_id>2</wp:author_id><wp:author_login><![CDATA[salma]]></wp:author_login>
                <wp:author_email><![CDATA[salma@old.example.org]]></wp:author_email><wp:author_display_name><![CDATA[سلمى حداد]]></wp:author_display_name></wp:author>
              <item>
                <title><![CDATA[افتتاح معرض الكتاب في بيروت]]></title>
                <link>http://old.example.org/2015/11/16/%d8%a7%d9%81%d8%aa%d8%aa%d8%a7%d8%ad-%d9%85%d8%b9%d8%b1%d8%b6-%d8%a7%d9%84%d9%83%d8%aa%d8%a7%d8%a8/</link>
                <pubDate>Mon, 16 Nov 2015 08:30:00 +0000</pubDate>
                <dc:creator><![CDATA[salma]]></dc:creator>
                <content:encoded><![CDATA[افتتح المعرض أبوابه صباح اليوم بمشاركة مئة دار نشر.
            وتستمر الفعاليات أسبوعاً.

            [caption id="attachment_900" align="alignnone"]<img src="http://old.example.org/wp-content/uploads/2015/11/expo.png" alt="" /> زوار المعرض[/caption]

            [gallery columns="2" link="file" ids="900, 901"]

            <script>alert(1)</script><p>وقال المنظمون إن <strong>الإقبال</strong> فاق التوقعات.</p>
            <p><img src="http://old.example.org/wp-content/uploads/2015/11/expo-300x188.png" alt="نسخة مصغرة" /> <img src="http://elsewhere.example/photo.jpg" alt="صورة من موقع آخر" /></p>]]></content:encoded>
                <excerpt:encoded><![CDATA[مئة دار نشر في المعرض]]></excerpt:encoded>
                <wp:post_id>101</wp:post_id>
                <wp:post_date><![CDATA[2015-11-16 10:30:00]]></wp:post_date>
                <wp:post_date_gmt><![CDATA[2015-11-16 08:30:00]]></wp:post_date_gmt>
                <wp:post_name><![CDATA[%d8%a7%d9%81%d8%aa%d8%aa%d8%a7%d8%ad-%d9%85%d8%b9%d8%b1%d8%b6-%d8%a7%d9%84%d9%83%d8%aa%d8%a7%d8%a8]]></wp:post_name>
                <wp:status><![CDATA[publish]]></wp:status>
                <wp:post_type><![CDATA[post]]></wp:post_type>
                <category domain="category" nicename="culture"><![CDATA[ثقافة &amp; فنون]]></category>
                <category domain="category" nicename="news"><![CDATA[أخبار]]></category>
                <category domain="post_tag" nicename="books"><![CDATA[كتب]]></category>
                <wp:postmeta><wp:meta_key><![CDATA[_thumbnail_id]]></wp:meta_key><wp:meta_value><![CDATA[900]]></wp:meta_value></wp:postmeta>
                <wp:postmeta><wp:meta_key><![CDATA[post_views_count]]></wp:meta_key><wp:meta_value><![CDATA[321]]></wp:meta_value></wp:postmeta>
                <wp:comment><wp:comment_id>11</wp:comment_id><wp:comment_author><![CDATA[رامي]]></wp:comment_author>
                  <wp:comment_author_email><![CDATA[rami@example.org]]></wp:comment_author_email><wp:comment_author_IP><![CDATA[192.0.2.1]]></wp:comment_author_IP>
                  <wp:comment_date><![CDATA[2015-11-16 12:00:00]]></wp:comment_date><wp:comment_date_gmt><![CDATA[2015-11-16 10:00:00]]></wp:comment_date_gmt>
                  <wp:comment_content><![CDATA[خبر جميل<br />شكراً\u0002]]></wp:comment_content><wp:comment_approved><![CDATA[1]]></wp:comment_approved>
                  <wp:comment_type><![CDATA[comment]]></wp:comment_type><wp:comment_parent>0</wp:comment_parent></wp:comment>
                <wp:comment><wp:comment_id>13</wp:comment_id><wp:comment_author><![CDATA[هدى]]></wp:comment_author>
                  <wp:comment_author_email><![CDATA[huda@example.org]]></wp:comment_author_email><wp:comment_author_IP><![CDATA[192.0.2.3]]></wp:comment_author_IP>
                  <wp:comment_date><![CDATA[2015-11-16 14:00:00]]></wp:comment_date><wp:comment_date_gmt><![CDATA[2015-11-16 12:00:00]]></wp:comment_date_gmt>
                  <wp:comment_content><![CDATA[رد على الرد]]></wp:comment_content><wp:comment_approved><![CDATA[1]]></wp:comment_approved>
                  <wp:comment_type><![CDATA[]]></wp:comment_type><wp:comment_parent>12</wp:comment_parent></wp:comment>
                <wp:comment><wp:comment_id>12</wp:comment_id><wp:comment_author><![CDATA[سلمى]]></wp:comment_author>
                  <wp:comment_author_email><![CDATA[salma@old.example.org]]></wp:comment_author_email><wp:comment_author_IP><![CDATA[192.0.2.2]]></wp:comment_author_IP>
                  <wp:comment_date><![CDATA[2015-11-16 13:00:00]]></wp:comment_date><wp:comment_date_gmt><![CDATA[2015-11-16 11:00:00]]></wp:comment_date_gmt>
                  <wp:comment_content><![CDATA[شكراً لك]]></wp:comment_content><wp:comment_approved><![CDATA[1]]></wp:comment_approved>
                  <wp:comment_type><![CDATA[comment]]></wp:comment_type><wp:comment_parent>11</wp:comment_parent></wp:comment>
                <wp:comment><wp:comment_id>14</wp:comment_id><wp:comment_author><![CDATA[زائر]]></wp:comment_author>
                  <wp:comment_author_email><![CDATA[]]></wp:comment_author_email><wp:comment_author_IP><![CDATA[192.0.2.4]]></wp:comment_author_IP>
                  <wp:comment_date><![CDATA[2015-11-17 09:00:00]]></wp:comment_date><wp:comment_date_gmt><![CDATA[2015-11-17 07:00:00]]></wp:comment_date_gmt>
                  <wp:comment_content><![CDATA[بانتظار الموافقة]]></wp:comment_content><wp:comment_approved><![CDATA[0]]></wp:comment_approved>
                  <wp:comment_type><![CDATA[comment]]></wp:comment_type><wp:comment_parent>0</wp:comment_parent></wp:comment>
                <wp:comment><wp:comment_id>15</wp:comment_id><wp:comment_author><![CDATA[casino]]></wp:comment_author>
                  <wp:comment_author_email><![CDATA[x@spam.example]]></wp:comment_author_email><wp:comment_author_IP><![CDATA[198.51.100.9]]></wp:comment_author_IP>
                  <wp:comment_date><![CDATA[2015-11-17 09:00:00]]></wp:comment_date><wp:comment_date_gmt><![CDATA[2015-11-17 07:00:00]]></wp:comment_date_gmt>
                  <wp:comment_content><![CDATA[cheap pills]]></wp:comment_content><wp:comment_approved><![CDATA[spam]]></wp:comment_approved>
                  <wp:comment_type><![CDATA[comment]]></wp:comment_type><wp:comment_parent>0</wp:comment_parent></wp:comment>
                <wp:comment><wp:comment_id>16</wp:comment_id><wp:comment_author><![CDATA[مدونة]]></wp:comment_author>
                  <wp:comment_content><![CDATA[إشارة]]></wp:comment_content><wp:comment_approved><![CDATA[1]]></wp:comment_approved>
                  <wp:comment_type><![CDATA[pingback]]></wp:comment_type><wp:comment_parent>0</wp:comment_parent></wp:comment>
                <wp:comment><wp:comment_id>17</wp:comment_id><wp:comment_author><![CDATA[محذوف]]></wp:comment_author>
                  <wp:comment_content><![CDATA[في سلة المهملات]]></wp:comment_content><wp:comment_approved><![CDATA[trash]]></wp:comment_approved>
                  <wp:comment_type><![CDATA[comment]]></wp:comment_type><wp:comment_parent>0</wp:comment_parent></wp:comment>
              </item>
              <item>
                <title><![CDATA[مسودة لم تنشر]]></title>
                <dc:creator><![CDATA[salma]]></dc:creator>
                <content:encoded><![CDATA[نص المسودة]]></content:encoded>
                <wp:post_id>102</wp:post_id>
                <wp:post_date><![CDATA[2015-11-18 09:00:00]]></wp:post_date>
                <wp:post_date_gmt><![CDATA[0000-00-00 00:00:00]]></wp:post_date_gmt>
                <wp:post_name><![CDATA[]]></wp:post_name>
                <wp:status><![CDATA[draft]]></wp:status>
                <wp:post_type><![CDATA[post]]></wp:post_type>
              </item>
              <item>
                <title><![CDATA[من نحن]]></title>
                <content:encoded><![CDATA[صفحة ثابتة]]></content:encoded>
                <wp:post_id>103</wp:post_id>
                <wp:status><![CDATA[publish]]></wp:status>
                <wp:post_type><![CDATA[page]]></wp:post_type>
              </item>
              <item>
                <title><![CDATA[]]></title>
                <content:encoded><![CDATA[تدوينة بلا عنوان]]></content:encoded>
                <wp:post_id>104</wp:post_id>
                <wp:post_date><![CDATA[2015-11-19 09:00:00]]></wp:post_date>
                <wp:status><![CDATA[publish]]></wp:status>
                <wp:post_type><![CDATA[post]]></wp:post_type>
              </item>
              <item>
                <title><![CDATA[خبر بلا تصنيف]]></title>
                <content:encoded><![CDATA[<!-- wp:paragraph --><p>فقرة من محرر المكعبات.</p><!-- /wp:paragraph -->]]></content:encoded>
                <wp:post_id>105</wp:post_id>
                <wp:post_date><![CDATA[2015-11-20 09:00:00]]></wp:post_date>
                <wp:post_date_gmt><![CDATA[2015-11-20 07:00:00]]></wp:post_date_gmt>
                <wp:post_name><![CDATA[no-category]]></wp:post_name>
                <wp:status><![CDATA[publish]]></wp:status>
                <wp:post_type><![CDATA[post]]></wp:post_type>
              </item>
            """ + extraItems + """
              <item>
                <title><![CDATA[expo]]></title>
                <wp:post_id>900</wp:post_id>
                <wp:post_type><![CDATA[attachment]]></wp:post_type>
                <wp:status><![CDATA[inherit]]></wp:status>
                <wp:attachment_url><![CDATA[http://old.example.org/wp-content/uploads/2015/11/expo.png]]></wp:attachment_url>
                <wp:postmeta><wp:meta_key><![CDATA[_wp_attachment_image_alt]]></wp:meta_key><wp:meta_value><![CDATA[زوار المعرض]]></wp:meta_value></wp:postmeta>
              </item>
              <item>
                <title><![CDATA[expo-night]]></title>
                <wp:post_id>901</wp:post_id>
                <wp:post_type><![CDATA[attachment]]></wp:post_type>
                <wp:status><![CDATA[inherit]]></wp:status>
                <wp:attachment_url><![CDATA[http://old.example.org/wp-content/uploads/2015/11/expo-night.png]]></wp:attachment_url>
                <wp:postmeta><wp:meta_key><![CDATA[_wp_attachment_image_alt]]></wp:meta_key><wp:meta_value><![CDATA[المعرض ليلاً]]></wp:meta_value></wp:postmeta>
              </item>
            </channel>
            </rss>
            """;
    }

    static WxrImport importer(TestSite site) {
        var n = site.nashir;
        return new WxrImport(n.imports, n.articles, n.comments, n.spam, n.media, n.staticPages, n.menus, n.settings.timeZone(), "أرشيف", 10L * 1024 * 1024);
    }

    static Path uploads(Path dir) throws IOException {
        Path media = dir.resolve("uploads");
        Files.createDirectories(media.resolve("2015/11"));
        BufferedImage img = new BufferedImage(800, 500, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 800; x++) for (int y = 0; y < 500; y++) img.setRGB(x, y, (x * 255 / 800) << 16 | (y * 255 / 500) << 8);
        ImageIO.write(img, "png", media.resolve("2015/11/expo.png").toFile());
        img.setRGB(0, 0, 0xffffff);
        ImageIO.write(img, "png", media.resolve("2015/11/expo-night.png").toFile());
        return media;
    }

    static long article(TestSite site, String title) {
        return site.nashir.articles.listForBackOffice(null, null, 100).stream().filter(r -> r.title().equals(title)).findFirst().orElseThrow().id();
    }

    @Test
    void posts_arrive_with_sections_tags_bylines_comments_images_and_their_old_addresses(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("export.xml");
        Files.writeString(file, export(""));
        try (TestSite site = TestSite.create(dir.resolve("site")).start()) {
            WxrImport.Report r = importer(site).run(file, uploads(dir), n -> { });
            assertThat(r.imported).isEqualTo(3);
            assertThat(r.skipped).as("the attachments").isEqualTo(2);
            assertThat(r.pages).as("the page «من نحن»").isEqualTo(1);
            assertThat(r.problems).extracting(WxrImport.Problem::wordpressId).containsExactly("104");
            assertThat(r.problems.getFirst().message()).contains("بلا عنوان");
            assertThat(r.failed()).isTrue();
            assertThat(r.comments).isEqualTo(5);

            long id = article(site, "افتتاح معرض الكتاب في بيروت");
            Article a = site.nashir.articles.findById(id).orElseThrow();
            assertThat(a.status()).isEqualTo(Article.PUBLISHED);
            assertThat(a.publishedAt()).isEqualTo(Instant.parse("2015-11-16T08:30:00Z"));
            assertThat(a.summary()).isEqualTo("مئة دار نشر في المعرض");
            assertThat(a.viewCount()).isEqualTo(321);
            assertThat(a.featuredMediaId()).isNotNull();
            assertThat(site.nashir.media.find(a.featuredMediaId()).orElseThrow().alt()).isEqualTo("زوار المعرض");
            // Pictures from the old uploads now live here (the resized copy's original, stored once with the featured image);
            // one from another site is left pointing there.
            assertThat(a.body()).doesNotContain("old.example.org/wp-content").contains("/media/").contains("http://elsewhere.example/photo.jpg");
            assertThat(r.imagesStored).isEqualTo(2);
            // [caption] is a figure with its caption; [gallery ids] a gallery of the export's pictures, stored here.
            var body = org.jsoup.Jsoup.parseBodyFragment(a.body());
            assertThat(body.select("figure:not(.gallery) > figcaption").text()).isEqualTo("زوار المعرض");
            assertThat(body.select("figure.gallery > figure > img")).extracting(img -> img.attr("alt")).containsExactly("زوار المعرض", "المعرض ليلاً");
            assertThat(body.select("figure.gallery img")).allMatch(img -> img.attr("src").startsWith("/media/"));
            assertThat(a.body()).contains("src=\"" + site.nashir.media.find(a.featuredMediaId()).orElseThrow().srcNear(1024) + "\"");
            assertThat(a.body()).contains("<p>افتتح المعرض أبوابه صباح اليوم بمشاركة مئة دار نشر.<br")
                .contains("<strong>الإقبال</strong>").doesNotContain("<script", "[caption", "alert(");
            assertThat(site.nashir.articles.listBylines(id)).extracting(b -> b.name()).containsExactly("سلمى حداد");
            assertThat(site.nashir.articles.listTags(id)).extracting(t -> t.name()).containsExactlyInAnyOrder("أخبار", "كتب");

            HttpResponse<String> page = site.get("/article/" + id);
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("افتتاح معرض الكتاب في بيروت", "سلمى حداد", "ثقافة &amp; فنون", "خبر جميل", "رد على الرد")
                .doesNotContain("بانتظار الموافقة", "cheap pills", "إشارة", "في سلة المهملات", "rami@example.org");

            // Threads: the reply to a reply hangs under the first comment; pending and spam keep their status.
            List<Comment> shown = site.nashir.comments.listApproved(id);
            assertThat(shown).extracting(Comment::name).containsExactly("رامي", "سلمى", "هدى");
            assertThat(shown.get(1).parentId()).isEqualTo(shown.get(0).id());
            assertThat(shown.get(2).parentId()).isEqualTo(shown.get(0).id());
            // A control character pasted into the old site (invalid in XML) is dropped instead of stopping the import.
            assertThat(shown.get(0).body()).isEqualTo("خبر جميل\nشكراً");
            assertThat(shown.get(0).createdAt()).isEqualTo(Instant.parse("2015-11-16T10:00:00Z"));
            assertThat(site.nashir.comments.listQueue(Comment.PENDING, "", 10)).extracting(q -> q.comment().body()).containsExactly("بانتظار الموافقة");
            assertThat(site.nashir.comments.listQueue(Comment.SPAM, "", 10)).extracting(q -> q.comment().body()).containsExactly("cheap pills");

            long draft = article(site, "مسودة لم تنشر");
            assertThat(site.nashir.articles.findById(draft).orElseThrow().status()).isEqualTo(Article.DRAFT);
            long plain = article(site, "خبر بلا تصنيف");
            assertThat(site.get("/article/" + plain).body()).contains("أرشيف", "فقرة من محرر المكعبات.").doesNotContain("wp:paragraph");

            // Old addresses, in the spellings links and search engines have them, answer 301 to the article.
            String encoded = URLEncoder.encode(SLUG, StandardCharsets.UTF_8).toLowerCase(java.util.Locale.ROOT);
            for (String old : List.of("/?p=101", "/?p=101&utm_source=x", "/archives/101", "/archives/101/", "/2015/11/16/" + encoded + "/",
                "/2015/11/16/" + URLEncoder.encode(SLUG, StandardCharsets.UTF_8), "/2015/11/" + encoded + "/")) {
                HttpResponse<String> moved = site.get(old);
                assertThat(moved.statusCode()).as(old).isEqualTo(301);
                assertThat(moved.headers().firstValue("Location").orElseThrow()).as(old).endsWith("/article/" + id);
            }
            assertThat(site.get("/2015/11/16/no-category/").statusCode()).as("a post of another day").isEqualTo(404);
            assertThat(site.get("/2015/11/20/no-category/").statusCode()).isEqualTo(301);
            assertThat(site.get("/?p=102").statusCode()).as("a draft is not revealed").isEqualTo(200);
            assertThat(site.get("/archives/999").statusCode()).isEqualTo(404);

            // Running it again changes nothing.
            WxrImport.Report again = importer(site).run(file, uploads(dir), n -> { });
            assertThat(again.imported).isZero();
            assertThat(again.existed).isEqualTo(3);
            assertThat(site.nashir.comments.listApproved(id)).hasSize(3);
            assertThat(site.nashir.articles.listForBackOffice(null, null, 100)).hasSize(3);
        }
    }

    @Test
    void a_scheduled_post_stays_scheduled_and_one_pending_review_waits_in_review(@TempDir Path dir) throws IOException {
        String extra = """
              <item>
                <title><![CDATA[خبر مجدول للعام المقبل]]></title>
                <content:encoded><![CDATA[نص مجدول]]></content:encoded>
                <wp:post_id>201</wp:post_id>
                <wp:post_date><![CDATA[2030-01-01 09:00:00]]></wp:post_date>
                <wp:post_date_gmt><![CDATA[2030-01-01 07:00:00]]></wp:post_date_gmt>
                <wp:status><![CDATA[future]]></wp:status>
                <wp:post_type><![CDATA[post]]></wp:post_type>
              </item>
              <item>
                <title><![CDATA[خبر بانتظار المراجعة]]></title>
                <content:encoded><![CDATA[نص للمراجعة]]></content:encoded>
                <wp:post_id>202</wp:post_id>
                <wp:post_date><![CDATA[2015-11-21 09:00:00]]></wp:post_date>
                <wp:status><![CDATA[pending]]></wp:status>
                <wp:post_type><![CDATA[post]]></wp:post_type>
              </item>
            """;
        Path file = Files.writeString(dir.resolve("export.xml"), export(extra));
        try (TestSite site = TestSite.create(dir.resolve("site")).start()) {
            importer(site).run(file, null, n -> { });
            Article scheduled = site.nashir.articles.findById(article(site, "خبر مجدول للعام المقبل")).orElseThrow();
            assertThat(scheduled.status()).isEqualTo(Article.SCHEDULED);
            assertThat(scheduled.publishedAt()).isEqualTo(Instant.parse("2030-01-01T07:00:00Z"));
            assertThat(site.get("/article/" + scheduled.id()).statusCode()).as("not out before its time").isEqualTo(404);
            site.clock.advance(java.time.Duration.between(site.clock.instant(), Instant.parse("2030-01-01T07:00:01Z")));
            assertThat(site.nashir.editing.publishDue()).isEqualTo(1);
            assertThat(site.get("/article/" + scheduled.id()).statusCode()).isEqualTo(200);
            assertThat(site.nashir.articles.findById(article(site, "خبر بانتظار المراجعة")).orElseThrow().status()).isEqualTo(Article.REVIEW);
        }
    }

    /** The same import on PostgreSQL: comments, old addresses and idempotence do not depend on SQLite. */
    @Test
    void a_wordpress_export_imports_on_postgresql_too(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("export.xml"), export(""));
        try (TestSite site = TestSite.create(org.nashir.storage.Dialect.POSTGRESQL, dir.resolve("site"), java.util.Map.of()).start()) {
            WxrImport.Report r = importer(site).run(file, uploads(dir), n -> { });
            assertThat(r.imported).isEqualTo(3);
            assertThat(r.comments).isEqualTo(5);
            long id = article(site, "افتتاح معرض الكتاب في بيروت");
            assertThat(site.nashir.comments.listApproved(id)).hasSize(3);
            assertThat(site.get("/?p=101").headers().firstValue("Location").orElseThrow()).endsWith("/article/" + id);
            assertThat(importer(site).run(file, uploads(dir), n -> { }).existed).isEqualTo(3);
            assertThat(site.nashir.articles.listForBackOffice(null, null, 100)).hasSize(3);
        }
    }

    @Test
    void a_gzipped_export_imports_the_same(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("export.xml.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(export("").getBytes(StandardCharsets.UTF_8));
        }
        try (TestSite site = TestSite.create(dir.resolve("site")).start()) {
            WxrImport.Report r = importer(site).run(file, null, n -> { });
            assertThat(r.imported).isEqualTo(3);
            assertThat(site.nashir.articles.findById(article(site, "افتتاح معرض الكتاب في بيروت")).orElseThrow().featuredMediaId()).isNull();
        }
    }

    @Test
    void an_export_that_breaks_off_keeps_what_came_before_and_says_where(@TempDir Path dir) throws IOException {
        String whole = export("");
        Path file = dir.resolve("cut.xml");
        Files.writeString(file, whole.substring(0, whole.indexOf("<wp:post_id>105</wp:post_id>")));
        try (TestSite site = TestSite.create(dir.resolve("site")).start()) {
            WxrImport.Report r = importer(site).run(file, null, n -> { });
            assertThat(r.imported).isEqualTo(2);
            assertThat(r.brokenAt).isPositive();
            assertThat(r.failed()).isTrue();
        }
    }

    /** XXE: an export must not make the importer read files of this machine or fetch anything. */
    @Test
    void external_entities_in_an_export_are_refused(@TempDir Path dir) throws IOException {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "كلمة-سر-الخادم");
        String evil = export("").replace("<?xml version=\"1.0\" encoding=\"UTF-8\" ?>",
            "<?xml version=\"1.0\" encoding=\"UTF-8\" ?>\n<!DOCTYPE rss [<!ENTITY leak SYSTEM \"" + secret.toUri() + "\">]>")
            .replace("نص المسودة", "&leak;");
        Path file = dir.resolve("evil.xml");
        Files.writeString(file, evil);
        try (TestSite site = TestSite.create(dir.resolve("site")).start()) {
            WxrImport.Report r = importer(site).run(file, null, n -> { });
            assertThat(r.brokenAt).as("the entity is refused, not resolved").isPositive();
            assertThat(r.brokenBecause).contains("DOCTYPE");
            assertThat(r.imported).isZero();
            for (var row : site.nashir.articles.listForBackOffice(null, null, 100)) {
                assertThat(site.nashir.articles.findById(row.id()).orElseThrow().body()).doesNotContain("كلمة-سر-الخادم");
            }
        }
    }

    @Test
    void attachment_paths_never_leave_the_media_folder(@TempDir Path dir) throws IOException {
        Path media = Files.createDirectories(dir.resolve("uploads"));
        assertThat(WxrImport.mediaFile(media, "http://old.example.org/wp-content/uploads/../../../etc/passwd")).isNull();
        assertThat(WxrImport.mediaFile(media, "http://old.example.org/wp-content/uploads/%2e%2e/%2e%2e/etc/passwd")).isNull();
        assertThat(WxrImport.mediaFile(media, "http://old.example.org/wp-content/uploads/2015/11/a.png"))
            .isEqualTo(media.toAbsolutePath().normalize().resolve("a.png"));
    }
}
