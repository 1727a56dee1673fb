package org.nashir.testing;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;

/**
 * Writes WordPress exports (WXR 1.2) the way WordPress lays them out, streaming, for tests and benchmarks built
 * from the corpora: post {@code i} comes from {@code post.apply(i)}.
 */
public final class WxrFile {
    public record Post(String title, String text, String category, List<String> tags, Instant published) {}

    private static final DateTimeFormatter WP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);

    private WxrFile() {}

    public static void write(Path file, int posts, IntFunction<Post> post) throws IOException {
        try (Writer w = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8), 1 << 16)) {
            w.write("""
                <?xml version="1.0" encoding="UTF-8" ?>
                <rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/"
                     xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
                <channel>
                <title>corpus</title>
                <wp:wxr_version>1.2</wp:wxr_version>
                <wp:base_site_url>http://corpus.example.org</wp:base_site_url>
                <wp:author><wp:author_login><![CDATA[desk]]></wp:author_login><wp:author_display_name><![CDATA[قسم التحرير]]></wp:author_display_name></wp:author>
                """);
            for (int i = 1; i <= posts; i++) {
                Post p = post.apply(i);
                String date = WP.format(p.published());
                w.write("<item>\n<title>" + cdata(p.title()) + "</title>\n<dc:creator><![CDATA[desk]]></dc:creator>\n");
                w.write("<content:encoded>" + cdata(String.join("\n\n", p.text().split("\n+"))) + "</content:encoded>\n");
                w.write("<excerpt:encoded><![CDATA[]]></excerpt:encoded>\n<wp:post_id>" + i + "</wp:post_id>\n");
                w.write("<wp:post_date>" + cdata(date) + "</wp:post_date>\n<wp:post_date_gmt>" + cdata(date) + "</wp:post_date_gmt>\n");
                w.write("<wp:post_name>" + cdata("post-" + i) + "</wp:post_name>\n<wp:status><![CDATA[publish]]></wp:status>\n");
                w.write("<wp:post_type><![CDATA[post]]></wp:post_type>\n");
                w.write("<category domain=\"category\" nicename=\"c\">" + cdata(p.category()) + "</category>\n");
                for (String t : p.tags()) w.write("<category domain=\"post_tag\" nicename=\"t\">" + cdata(t) + "</category>\n");
                w.write("</item>\n");
            }
            w.write("</channel>\n</rss>\n");
        }
    }

    /** CDATA cannot hold "]]>": such a run is split over two sections, as WordPress does. */
    static String cdata(String s) {
        return "<![CDATA[" + s.replace("]]>", "]]]]><![CDATA[>") + "]]>";
    }
}
