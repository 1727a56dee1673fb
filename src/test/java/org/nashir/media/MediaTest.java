package org.nashir.media;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.GpsDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nashir.account.Role;
import org.nashir.testing.Agent;
import org.nashir.testing.Images;
import org.nashir.testing.TestSite;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MediaTest {
    @Test
    void exif_and_gps_are_gone_and_the_orientation_is_applied() throws Exception {
        byte[] phone = Images.withExif(Images.jpeg(400, 200));
        Metadata before = ImageMetadataReader.readMetadata(new ByteArrayInputStream(phone));
        assertThat(before.getFirstDirectoryOfType(GpsDirectory.class)).isNotNull();
        assertThat(before.getFirstDirectoryOfType(ExifIFD0Directory.class).getInt(ExifIFD0Directory.TAG_ORIENTATION)).isEqualTo(6);

        ImageFile.Processed p = ImageFile.process(phone, 10_000_000);
        assertThat(p.mime()).isEqualTo("image/jpeg");
        assertThat(p.width()).isEqualTo(200);
        assertThat(p.height()).isEqualTo(400);
        for (byte[] rendition : p.renditions().values()) {
            Metadata after = ImageMetadataReader.readMetadata(new ByteArrayInputStream(rendition));
            assertThat(after.getFirstDirectoryOfType(GpsDirectory.class)).isNull();
            assertThat(after.getFirstDirectoryOfType(ExifIFD0Directory.class)).isNull();
        }
        // Turned clockwise: the red left half is now on top.
        BufferedImage out = ImageIO.read(new ByteArrayInputStream(p.renditions().get(200)));
        Color top = new Color(out.getRGB(100, 20)), bottom = new Color(out.getRGB(100, 380));
        assertThat(top.getRed()).isGreaterThan(200);
        assertThat(bottom.getBlue()).isGreaterThan(200);
    }

    @Test
    void renditions_are_made_at_standard_widths_below_the_original() throws Exception {
        ImageFile.Processed p = ImageFile.process(Images.jpeg(1200, 800), 10_000_000);
        assertThat(p.renditions().keySet()).containsExactly(320, 640, 768, 1024, 1200);
        assertThat(ImageIO.read(new ByteArrayInputStream(p.renditions().get(640))).getWidth()).isEqualTo(640);
    }

    @Test
    void the_type_comes_from_the_bytes_not_the_name() throws Exception {
        assertThat(ImageFile.sniff(Images.png(10, 10))).isEqualTo("image/png");
        assertThat(ImageFile.process(Images.png(10, 10), 1_000_000).mime()).isEqualTo("image/png");
        assertThat(ImageFile.sniff("<svg xmlns='http://www.w3.org/2000/svg'/>".getBytes(StandardCharsets.UTF_8))).isNull();
        assertThatThrownBy(() -> ImageFile.process("<?php echo 1; ?>".getBytes(StandardCharsets.UTF_8), 1_000_000))
            .isInstanceOfSatisfying(ImageFile.Refused.class, r -> assertThat(r.key).isEqualTo("media.error.type"));
        byte[] truncated = java.util.Arrays.copyOf(Images.jpeg(300, 300), 40);
        assertThatThrownBy(() -> ImageFile.process(truncated, 1_000_000))
            .isInstanceOfSatisfying(ImageFile.Refused.class, r -> assertThat(r.key).isEqualTo("media.error.broken"));
        assertThatThrownBy(() -> ImageFile.process(Images.jpeg(300, 300), 100))
            .isInstanceOfSatisfying(ImageFile.Refused.class, r -> assertThat(r.key).isEqualTo("media.error.size"));
    }

    @Test
    void pictures_declaring_huge_dimensions_are_refused_for_their_dimensions() throws Exception {
        // A GIF whose first frame is small but whose logical screen is 65,535 × 65,535.
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(10, 10, java.awt.image.BufferedImage.TYPE_INT_RGB), "gif", out);
        byte[] gif = out.toByteArray();
        gif[6] = gif[7] = gif[8] = gif[9] = (byte) 0xff;
        assertThat(ImageFile.gifScreenPixels(gif)).isEqualTo(65_535L * 65_535L);
        assertThatThrownBy(() -> ImageFile.process(gif, 10_000_000))
            .isInstanceOfSatisfying(ImageFile.Refused.class, r -> assertThat(r.key).isEqualTo("media.error.dimensions"));
        // A tiny PNG that declares 20,000 × 20,000 pixels (a decompression bomb): its dimensions, not "over 10 MB".
        byte[] png = Images.png(10, 10);
        java.nio.ByteBuffer.wrap(png, 16, 8).putInt(20_000).putInt(20_000);
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(png, 12, 17);
        java.nio.ByteBuffer.wrap(png, 29, 4).putInt((int) crc.getValue());
        assertThat(png.length).isLessThan(1_000);
        assertThatThrownBy(() -> ImageFile.process(png, 10_000_000))
            .isInstanceOfSatisfying(ImageFile.Refused.class, r -> assertThat(r.key).isEqualTo("media.error.dimensions"));
    }

    @Test
    void file_names_lose_their_bidi_controls_so_the_library_shows_them_as_they_are() {
        assertThat(MediaStore.fileName("صورة\u202Egpj.exe")).isEqualTo("صورةgpj.exe");
        assertThat(MediaStore.fileName("\u2067تقرير\u2069/../x\u0000.png")).isEqualTo("تقرير_.._x.png");
    }

    @Test
    void an_editor_uploads_through_the_back_office_and_the_files_are_served_safely(@TempDir Path dir) throws Exception {
        try (TestSite site = TestSite.create(dir).start()) {
            site.nashir.accounts.create("editor@example.org", "محررة", Role.EDITOR, "a-long-enough-password");
            Agent agent = new Agent(site);
            agent.signIn("editor@example.org", "a-long-enough-password");
            agent.get("/admin/media");

            HttpResponse<String> refused = upload(site, agent, "photo.jpg", "not an image".getBytes(StandardCharsets.UTF_8), "وصف");
            assertThat(refused.statusCode()).isEqualTo(422);
            assertThat(refused.body()).contains("نوع الملف غير مدعوم");
            assertThat(upload(site, agent, "photo.jpg", Images.jpeg(800, 600), "").body()).contains("النص البديل مطلوب");

            HttpResponse<String> ok = upload(site, agent, "صورة.jpg", Images.withExif(Images.jpeg(800, 600)), "ساحة المدينة صباحاً");
            assertThat(ok.statusCode()).isEqualTo(303);
            Media m = site.nashir.media.listLatest(1).getFirst();
            assertThat(m.alt()).isEqualTo("ساحة المدينة صباحاً");
            assertThat(m.renditionWidths()).containsExactly(320, 600);
            HttpResponse<byte[]> file = java.net.http.HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(site.url(m.src(320)))).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(file.statusCode()).isEqualTo(200);
            assertThat(file.headers().firstValue("Content-Type")).hasValue("image/jpeg");
            assertThat(file.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(ImageMetadataReader.readMetadata(new ByteArrayInputStream(file.body())).getFirstDirectoryOfType(GpsDirectory.class)).isNull();
            assertThat(Files.list(dir.resolve("media").resolve(m.fileKey())).map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("320.jpg", "600.jpg");
            assertThat(site.get("/media/" + m.fileKey() + "/..%2F..%2Fnashir.db").statusCode()).isEqualTo(404);
            assertThat(site.get("/media/" + m.fileKey() + "/999.jpg").statusCode()).isEqualTo(404);
        }
    }

    static HttpResponse<String> upload(TestSite site, Agent agent, String name, byte[] bytes, String alt) {
        String boundary = "nashir-test-boundary";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (String[] field : new String[][] {{"_csrf", agent.csrf}, {"alt", alt}, {"caption", "تعليق"}, {"credit", "تصوير: ناشر"}}) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field[0] + "\"\r\n\r\n" + field[1] + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name + "\"\r\nContent-Type: image/jpeg\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(bytes);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return agent.send(HttpRequest.newBuilder(URI.create(site.url("/admin/media"))).header("User-Agent", TestSite.BROWSER_UA)
            .header("Content-Type", "multipart/form-data; boundary=" + boundary).POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
    }
}
