package org.nashir.media;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nashir.account.Role;
import org.nashir.testing.Agent;
import org.nashir.testing.TestSite;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12: MP4 and WebM videos in the media library, recognised by their bytes, refused in Arabic when fake or too
 * large, and served with range requests so players can seek.
 */
class VideoUploadTest {
    /** The start of an MP4 file: an ftyp box (brand isom), then an mdat box of {@code size} bytes. */
    static byte[] mp4(int size) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {0, 0, 0, 24, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm', 0, 0, 2, 0, 'i', 's', 'o', 'm', 'i', 's', 'o', '2'});
        out.writeBytes(new byte[] {(byte) ((size + 8) >>> 24), (byte) ((size + 8) >>> 16), (byte) ((size + 8) >>> 8), (byte) (size + 8), 'm', 'd', 'a', 't'});
        for (int i = 0; i < size; i++) out.write(i % 251);
        return out.toByteArray();
    }

    /** The start of a WebM file: an EBML header whose DocType is "webm". */
    static byte[] webm() {
        return new byte[] {0x1A, 0x45, (byte) 0xDF, (byte) 0xA3, (byte) 0x9F, 0x42, (byte) 0x86, (byte) 0x81, 0x01, 0x42, (byte) 0x82, (byte) 0x84,
            'w', 'e', 'b', 'm', 0x42, (byte) 0x87, (byte) 0x81, 0x04, 0x18, 0x53, (byte) 0x80, 0x67};
    }

    @Test
    void the_bytes_say_what_a_video_is() {
        assertThat(VideoFile.sniff(mp4(10))).isEqualTo("video/mp4");
        assertThat(VideoFile.sniff(webm())).isEqualTo("video/webm");
        assertThat(VideoFile.sniff("ftyp but not at its place".getBytes(StandardCharsets.UTF_8))).isNull();
        byte[] matroska = webm();
        matroska[12] = 'x';
        assertThat(VideoFile.sniff(matroska)).as("a Matroska file that is not WebM").isNull();
    }

    @Test
    void an_editor_uploads_a_video_that_plays_with_range_requests_and_fakes_are_refused_in_arabic(@TempDir Path dir) throws Exception {
        try (TestSite site = TestSite.create(dir, Map.of("NASHIR_MEDIA_MAX_MB", "1")).start()) {
            site.nashir.accounts.create("editor@example.org", "محررة", Role.EDITOR, "a-long-enough-password");
            Agent agent = new Agent(site);
            agent.signIn("editor@example.org", "a-long-enough-password");
            agent.get("/admin/media");

            HttpResponse<String> fake = MediaTest.upload(site, agent, "clip.mp4", "not a video at all".getBytes(StandardCharsets.UTF_8), "مقطع");
            assertThat(fake.statusCode()).isEqualTo(422);
            assertThat(fake.body()).contains("يُعرف النوع من محتوى الملف");
            HttpResponse<String> huge = MediaTest.upload(site, agent, "big.mp4", mp4(1024 * 1024 + 10), "مقطع طويل");
            assertThat(huge.statusCode()).isEqualTo(413);
            assertThat(huge.body()).contains("أكبر من الحد المسموح");

            assertThat(MediaTest.upload(site, agent, "clip.mp4", mp4(5000), "لقطة من المؤتمر الصحفي").statusCode()).isEqualTo(303);
            assertThat(MediaTest.upload(site, agent, "clip.webm", webm(), "مقطع قصير").statusCode()).isEqualTo(303);
            var videos = site.nashir.media.listVideos(10);
            assertThat(videos).extracting(Media::mime).containsExactly("video/webm", "video/mp4");
            assertThat(site.nashir.media.listLatest(10)).as("pictures are listed apart").isEmpty();
            Media clip = videos.get(1);

            HttpResponse<String> whole = site.get(clip.videoSrc());
            assertThat(whole.statusCode()).isEqualTo(200);
            assertThat(whole.headers().firstValue("Content-Type").orElseThrow()).startsWith("video/mp4");
            // A player seeking to the middle gets that part (the server may send more than asked, as the range says).
            HttpResponse<byte[]> part = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(site.url(clip.videoSrc())))
                .header("Range", "bytes=1000-").build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(part.statusCode()).isEqualTo(206);
            String range = part.headers().firstValue("Content-Range").orElseThrow();
            assertThat(range).matches("bytes 1000-[0-9]+/" + (24 + 8 + 5000));
            int end = Integer.parseInt(range.substring("bytes 1000-".length(), range.indexOf('/')));
            assertThat(part.body()).hasSize(end - 1000 + 1);
            assertThat(part.body()[0]).isEqualTo(mp4(5000)[1000]);
            assertThat(agent.get("/admin/media").body()).contains("<video").contains(clip.videoSrc());
        }
    }

    /** A multipart upload of a video and its poster, as the media library's form sends it. */
    static HttpResponse<String> uploadWithPoster(TestSite site, Agent agent, String action, byte[] video, byte[] poster) {
        String boundary = "nashir-poster-boundary";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (String[] field : new String[][] {{"_csrf", agent.csrf}, {"alt", "لقطة من المؤتمر"}, {"caption", ""}, {"credit", "تصوير: ناشر"}}) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field[0] + "\"\r\n\r\n" + field[1] + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        if (video != null) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"clip.mp4\"\r\nContent-Type: video/mp4\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.writeBytes(video);
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"poster\"; filename=\"poster.png\"\r\nContent-Type: image/png\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(poster);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return agent.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(site.url(action))).header("User-Agent", TestSite.BROWSER_UA)
            .header("Content-Type", "multipart/form-data; boundary=" + boundary).POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
    }

    @Test
    void a_video_gets_a_re_encoded_poster_and_plays_in_an_article_without_downloading_until_tapped(@TempDir Path dir) throws Exception {
        try (TestSite site = TestSite.create(dir).start()) {
            site.nashir.accounts.create("editor@example.org", "محررة", Role.EDITOR, "a-long-enough-password");
            Agent agent = new Agent(site);
            agent.signIn("editor@example.org", "a-long-enough-password");
            agent.get("/admin/media");

            HttpResponse<String> badPoster = uploadWithPoster(site, agent, "/admin/media", mp4(2000), "not a picture".getBytes(StandardCharsets.UTF_8));
            assertThat(badPoster.statusCode()).isEqualTo(422);
            assertThat(badPoster.body()).contains("صورة الغلاف غير صالحة");
            assertThat(site.nashir.media.listVideos(10)).as("a refused poster stores nothing").isEmpty();

            assertThat(uploadWithPoster(site, agent, "/admin/media", mp4(2000), org.nashir.testing.Images.png(1280, 720)).statusCode()).isEqualTo(303);
            Media clip = site.nashir.media.listVideos(10).getFirst();
            assertThat(clip.hasPoster()).isTrue();
            assertThat(clip.width()).isEqualTo(1280);
            // The poster is re-encoded as a photo (a PNG frame becomes JPEG) and served like any picture.
            HttpResponse<byte[]> poster = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(site.url(clip.srcNear(640)))).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(poster.statusCode()).isEqualTo(200);
            assertThat(poster.headers().firstValue("Content-Type").orElseThrow()).isEqualTo("image/jpeg");
            assertThat(ImageFile.sniff(poster.body())).isEqualTo("image/jpeg");
            assertThat(site.nashir.media.listLatest(10)).as("the poster is part of the video, not a picture of its own").isEmpty();
            assertThat(agent.get("/admin/media").body()).contains("poster=\"" + clip.srcNear(640) + "\"");

            // A second poster is refused in Arabic: the first one's files are cached by readers for a year.
            HttpResponse<String> again = uploadWithPoster(site, agent, "/admin/media/" + clip.id(), null, org.nashir.testing.Images.jpeg(640, 360));
            assertThat(again.statusCode()).isEqualTo(409);
            assertThat(again.body()).contains("لهذا الفيديو صورة غلاف من قبل");

            // A video without a poster gets one later from its box in the library.
            org.assertj.core.api.Assertions.assertThat(MediaTest.upload(site, agent, "plain.mp4", mp4(1000), "مقطع ثان").statusCode()).isEqualTo(303);
            Media plain = site.nashir.media.listVideos(10).getFirst();
            assertThat(plain.hasPoster()).isFalse();
            assertThat(uploadWithPoster(site, agent, "/admin/media/" + plain.id(), null, org.nashir.testing.Images.jpeg(640, 360)).statusCode()).isEqualTo(303);
            assertThat(site.nashir.media.findVideo(plain.id()).orElseThrow().hasPoster()).isTrue();

            // In an article body: our own video plays with its poster and waits for the reader; a player pointed
            // at another host is dropped.
            String body = "<p>قبل المقطع</p><video src=\"" + clip.videoSrc() + "\" poster=\"" + clip.srcNear(640) + "\" preload=\"auto\" autoplay></video>"
                + "<video src=\"https://tracker.example/clip.mp4\"></video><p>بعد المقطع</p>";
            long id = site.nashir.imports.create(new org.nashir.article.NewArticle("المؤتمر الصحفي بالفيديو", null, null, body, java.util.List.of("فريق التحرير"),
                null, null, "سياسة", java.util.List.of(), null, org.nashir.article.Article.PUBLISHED, java.time.Instant.parse("2026-11-28T10:00:00Z"), 0, null, null)).id();
            HttpResponse<String> shown = site.get("/article/" + id);
            assertThat(shown.statusCode()).isEqualTo(200);
            String page = shown.body();
            org.jsoup.nodes.Element player = org.jsoup.Jsoup.parse(page).selectFirst("video");
            assertThat(player).isNotNull();
            assertThat(player.attr("src")).isEqualTo(clip.videoSrc());
            assertThat(player.attr("poster")).isEqualTo(clip.srcNear(640));
            assertThat(player.attr("preload")).isEqualTo("none");
            assertThat(player.hasAttr("controls")).isTrue();
            assertThat(player.hasAttr("autoplay")).isFalse();
            assertThat(page).doesNotContain("tracker.example");
        }
    }
}
