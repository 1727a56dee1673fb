package org.nashir.media;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nashir.article.Article;
import org.nashir.article.NewArticle;
import org.nashir.backup.Backup;
import org.nashir.storage.Dialect;
import org.nashir.testing.Images;
import org.nashir.testing.S3Server;
import org.nashir.testing.TestSite;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15: media in an S3-compatible bucket (a real S3 server, s3proxy, in its own process), so a picture uploaded
 * through one node is served by every node; moved from disk to a bucket; backed up from one.
 */
class MediaBucketTest {
    @TempDir
    static Path dir;
    static S3Server s3;

    @BeforeAll
    static void start() throws Exception {
        s3 = S3Server.start(dir.resolve("s3"));
    }

    @AfterAll
    static void stop() {
        s3.close();
    }

    static HttpResponse<byte[]> bytes(TestSite site, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(site.url(path))).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static long articleWithPicture(TestSite site, long media) {
        long id = site.nashir.imports.create(new NewArticle("صورة من الميناء", null, "ملخص", "<p>نص.</p>", List.of("فريق التحرير"), null, null,
            "سياسة", List.of(), null, Article.PUBLISHED, site.clock.instant().minus(Duration.ofHours(1)), 0, null, null)).id();
        site.nashir.db.jdbi().useHandle(h -> site.nashir.articles.setFeaturedMedia(h, id, media));
        site.nashir.pages.invalidateAll();
        return id;
    }

    @Test
    void a_picture_uploaded_through_one_node_is_served_by_every_node_with_sizes_from_its_row(@TempDir Path here) throws Exception {
        String bucket = s3.newBucket();
        Map<String, String> one = new HashMap<>(s3.settings(bucket));
        try (TestSite a = TestSite.create(Dialect.POSTGRESQL, here.resolve("a"), one).start()) {
            Map<String, String> two = new HashMap<>(one);
            two.put("NASHIR_DB_URL", a.nashir.settings.dbUrl());
            try (TestSite b = TestSite.create(Dialect.POSTGRESQL, here.resolve("b"), two).start()) {
                long id = a.nashir.media.addImported("port.jpg", Images.jpeg(1600, 900), 10L << 20, "الميناء").orElseThrow();
                Media m = a.nashir.media.find(id).orElseThrow();
                assertThat(Files.exists(here.resolve("a").resolve("media"))).as("nothing on the node's disk").isFalse();
                for (TestSite node : List.of(a, b)) {
                    for (int w : m.renditionWidths()) {
                        HttpResponse<byte[]> r = bytes(node, m.src(w));
                        assertThat(r.statusCode()).as(m.src(w)).isEqualTo(200);
                        assertThat(r.headers().firstValue("Content-Type")).hasValue("image/jpeg");
                        assertThat(javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(r.body())).getWidth()).isEqualTo(w);
                    }
                }
                assertThat(bytes(b, "/media/" + m.fileKey() + "/77.jpg").statusCode()).isEqualTo(404);

                // A video plays from the bucket, ranges included (players seek).
                long video = a.nashir.media.add("clip.mp4", VideoUploadTest.mp4(5000), 10L << 20, "لقطة", "", "", null, null);
                String src = a.nashir.media.findVideo(video).orElseThrow().videoSrc();
                HttpResponse<byte[]> part = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(b.url(src))).header("Range", "bytes=1000-").build(),
                    HttpResponse.BodyHandlers.ofByteArray());
                assertThat(part.statusCode()).isEqualTo(206);
                assertThat(part.headers().firstValue("Content-Range").orElseThrow()).endsWith("/" + VideoUploadTest.mp4(5000).length);
                assertThat(part.body()[0]).isEqualTo(VideoUploadTest.mp4(5000)[1000]);

                // The feed's enclosure states the rendition's size, from the row: the same on both nodes, never 0.
                articleWithPicture(a, id);
                long size = bytes(a, m.src(1024)).body().length;
                for (TestSite node : List.of(a, b)) {
                    node.nashir.pages.invalidateAll();
                    assertThat(node.get("/feed.xml").body()).contains("length=\"" + size + "\"").contains(m.src(1024));
                }
            }
        }
    }

    @Test
    void a_sites_media_move_from_disk_to_a_bucket_and_its_backup_holds_them(@TempDir Path here) throws Exception {
        long id;
        Media m;
        String url;
        try (TestSite disk = TestSite.create(here.resolve("site"))) {
            url = disk.nashir.settings.dbUrl();
            id = disk.nashir.media.addImported("square.png", Images.png(800, 800), 10L << 20, "مربع").orElseThrow();
            m = disk.nashir.media.find(id).orElseThrow();
            assertThat(Files.isDirectory(here.resolve("site/media").resolve(m.fileKey()))).isTrue();
        }
        String bucket = s3.newBucket();
        Map<String, String> settings = new HashMap<>(s3.settings(bucket));
        settings.put("NASHIR_DATA_DIR", here.resolve("site").toString());
        settings.put("NASHIR_DB_URL", url);
        try (TestSite moved = TestSite.create(here.resolve("site"), settings).start()) {
            assertThat(bytes(moved, m.src(640)).statusCode()).as("not in the bucket yet").isEqualTo(404);
            var done = moved.nashir.media.copyAll(new DiskFiles(here.resolve("site/media")), moved.nashir.media.files());
            assertThat(done.copied()).isEqualTo(m.renditionWidths().size());
            assertThat(done.missing()).isEmpty();
            assertThat(moved.nashir.media.copyAll(new DiskFiles(here.resolve("site/media")), moved.nashir.media.files()).present())
                .as("run again: nothing copied twice").isEqualTo(m.renditionWidths().size());
            HttpResponse<byte[]> r = bytes(moved, m.src(640));
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type")).hasValue("image/png");

            // A backup of the bucket site carries the pictures from the bucket; restored, they are all there.
            Path zip = here.resolve("site.zip");
            Backup.Made made = Backup.create(moved.nashir.db, moved.nashir.media, moved.nashir.settings.secretFile(), zip);
            assertThat(made.mediaFiles()).isEqualTo(m.renditionWidths().size());
            Backup.restore(zip, here.resolve("restored"));
            for (int w : m.renditionWidths()) {
                assertThat(Files.readAllBytes(here.resolve("restored/media").resolve(m.fileKey()).resolve(w + ".png")))
                    .isEqualTo(bytes(moved, m.src(w)).body());
            }
        }
    }
}
