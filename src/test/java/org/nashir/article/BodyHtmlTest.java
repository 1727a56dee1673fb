package org.nashir.article;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What the editor writes survives the sanitizer; what it must not hold does not. */
class BodyHtmlTest {
    private static final String PICTURE = "<figure><img src=\"/media/0123456789abcdef0123456789abcdef/1024.jpg\" alt=\"الساحة\" width=\"1024\" height=\"683\">"
        + "<figcaption>الساحة صباحاً <cite>تصوير: ناشر</cite></figcaption></figure>";

    @Test
    void galleries_and_pull_quotes_from_the_editor_are_kept() {
        String body = "<p>نص</p><figure class=\"gallery\">" + PICTURE + PICTURE + "</figure>"
            + "<blockquote class=\"pull-quote\"><p>«لن نتراجع»</p></blockquote>";
        assertThat(BodyHtml.sanitize(body)).isEqualTo(body);
    }

    @Test
    void other_classes_and_landmarks_are_dropped() {
        assertThat(BodyHtml.sanitize("<blockquote class=\"MsoQuote big\"><p>قول</p></blockquote><aside><p>جانبي</p></aside>"))
            .isEqualTo("<blockquote><p>قول</p></blockquote><p>جانبي</p>");
        assertThat(BodyHtml.sanitize("<figure class=\"gallery evil\">" + PICTURE + "</figure>")).isEqualTo(PICTURE);
    }

    @Test
    void a_wordpress_gallery_block_becomes_a_gallery() {
        String wp = "<figure class=\"wp-block-gallery has-nested-images columns-2\"><figure class=\"wp-block-image size-large\"><img src=\"/a.jpg\" alt=\"أ\"></figure>"
            + "<figure class=\"wp-block-image\"><img src=\"/b.jpg\" alt=\"ب\"><figcaption class=\"wp-element-caption\">الثانية</figcaption></figure></figure>";
        assertThat(BodyHtml.sanitize(wp)).isEqualTo("<figure class=\"gallery\"><figure><img src=\"/a.jpg\" alt=\"أ\"></figure>"
            + "<figure><img src=\"/b.jpg\" alt=\"ب\"><figcaption>الثانية</figcaption></figure></figure>");
    }

    @Test
    void empty_captions_and_empty_galleries_go() {
        assertThat(BodyHtml.sanitize("<figure><img src=\"/a.jpg\" alt=\"\"><figcaption> </figcaption></figure><figure class=\"gallery\"></figure><p>بعد</p>"))
            .isEqualTo("<figure><img src=\"/a.jpg\" alt=\"\"></figure><p>بعد</p>");
    }

    @Test
    void a_first_row_of_header_cells_becomes_the_table_head() {
        assertThat(BodyHtml.sanitize("<table><tbody><tr><th><p>المدينة</p></th><th><p>الوفود</p></th></tr><tr><td><p>حلب</p></td><td><p>٣</p></td></tr></tbody></table>"))
            .isEqualTo("<table><thead><tr><th><p>المدينة</p></th><th><p>الوفود</p></th></tr></thead><tbody><tr><td><p>حلب</p></td><td><p>٣</p></td></tr></tbody></table>");
        String noHeader = "<table><tbody><tr><td>١</td><td>٢</td></tr></tbody></table>";
        assertThat(BodyHtml.sanitize(noHeader)).isEqualTo(noHeader);
    }

    @Test
    void a_link_alone_on_its_line_becomes_an_embed_and_stays_one_when_saved_again() {
        String once = BodyHtml.sanitize("<p>https://t.me/nashir_news/42</p>");
        assertThat(once).startsWith("<figure class=\"embed\" data-embed=\"telegram\" data-frame=\"https://t.me/nashir_news/42?embed=1\">")
            .contains("<figcaption>تيليغرام</figcaption>").contains("href=\"https://t.me/nashir_news/42\"");
        assertThat(BodyHtml.sanitize(once)).isEqualTo(once);
    }

    @Test
    void readers_get_the_smaller_renditions_lazy_pictures_and_a_box_for_the_gallery() {
        String set = "/media/0123456789abcdef0123456789abcdef/320.jpg 320w, /media/0123456789abcdef0123456789abcdef/1024.jpg 1024w";
        String shown = BodyHtml.forReaders("<figure class=\"gallery\">" + PICTURE + PICTURE + "</figure><p><img src=\"https://example.org/old.jpg\" alt=\"قديمة\"></p>",
            src -> src.startsWith("/media/") ? java.util.Optional.of(set) : java.util.Optional.empty());
        var doc = org.jsoup.Jsoup.parse(shown);
        assertThat(doc.select("img[srcset]")).hasSize(2).allMatch(img -> img.attr("srcset").equals(set) && img.attr("sizes").endsWith("calc(100vw - 2rem)"));
        assertThat(doc.select("img[loading=lazy][decoding=async]")).hasSize(3);
        assertThat(doc.select("div.gallery-box > figure.gallery > figure")).hasSize(2);
        assertThat(BodyHtml.forReaders("<p>نص</p>", src -> java.util.Optional.empty())).isEqualTo("<p>نص</p>");
    }
}
