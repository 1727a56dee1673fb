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
}
