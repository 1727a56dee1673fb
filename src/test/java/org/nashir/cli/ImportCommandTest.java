package org.nashir.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nashir.Nashir;
import org.nashir.config.Settings;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ImportCommandTest {
    record Run(int status, String out, String err) {}

    static Run run(String... args) {
        PrintStream oldOut = System.out, oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            int status = Main.run(args);
            return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    static Path demoDump(Path dir) throws IOException {
        Path file = dir.resolve("good.txt");
        try (InputStream in = ImportCommandTest.class.getResourceAsStream("/demo/archive-page.txt")) {
            Files.write(file, in.readAllBytes());
        }
        return file;
    }

    @Test
    void imports_good_files_reports_bad_ones_by_name_and_exits_non_zero(@TempDir Path dir) throws IOException {
        Path good = demoDump(dir);
        Path empty = Files.writeString(dir.resolve("empty.txt"), "");
        Path binary = Files.write(dir.resolve("photo.txt"), new byte[] {(byte) 0xFF, (byte) 0xD8, 0, 1, 2});
        Path data = dir.resolve("data");

        Run r = run("import", "text", "--data", data.toString(), empty.toString(), good.toString(), binary.toString(), dir.resolve("missing.txt").toString());

        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).contains("empty.txt: الملف فارغ").contains("photo.txt: الملف ليس نصاً بترميز UTF-8").contains("missing.txt: تعذّرت قراءة الملف");
        assertThat(r.out()).contains("✓ " + good).contains("استُورد 1، موجود سابقاً 0، فشل 3");
        try (Nashir n = new Nashir(Settings.load(Map.of("NASHIR_DATA_DIR", data.toString()), Map.of()), Clock.systemUTC())) {
            assertThat(n.articles.listLatest(10, 0).items()).singleElement()
                .satisfies(t -> assertThat(t.title()).isEqualTo("أول عرض سينمائي في قاعة البلدية القديمة"));
        }
    }

    @Test
    void importing_the_same_file_again_creates_nothing_and_succeeds(@TempDir Path dir) throws IOException {
        Path good = demoDump(dir);
        String data = dir.resolve("data").toString();
        assertThat(run("import", "text", "--data", data, good.toString()).status()).isZero();
        Run again = run("import", "text", "--data", data, good.toString());
        assertThat(again.status()).isZero();
        assertThat(again.out()).contains("مستورد سابقاً").contains("استُورد 0، موجود سابقاً 1، فشل 0");
    }

    @Test
    void a_wordpress_export_imports_and_the_exit_status_tells_about_the_broken_item(@TempDir Path dir) throws IOException {
        Path export = Files.writeString(dir.resolve("export.xml"), org.nashir.importer.WxrImportTestExport.xml());
        String data = dir.resolve("data").toString();
        Run r = run("import", "wxr", "--data", data, export.toString());
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).contains("تدوينة ووردبريس رقم 104: التدوينة بلا عنوان").doesNotContain("Exception");
        assertThat(r.out()).contains("استُورد 3 مقالاً مع 5 تعليقاً");
        Run again = run("import", "wxr", "--data", data, export.toString());
        assertThat(again.out()).contains("استُورد 0 مقالاً").contains("موجود سابقاً 3");
        Path notXml = demoDump(dir);
        Run broken = run("import", "wxr", "--data", data, notXml.toString(), dir.resolve("missing.xml").toString());
        assertThat(broken.status()).isEqualTo(1);
        assertThat(broken.err()).contains("ليس XML سليماً").contains("missing.xml: الملف غير موجود");
    }

    @Test
    void an_unknown_format_or_bad_setting_is_a_plain_error(@TempDir Path dir) throws IOException {
        Path good = demoDump(dir);
        assertThat(run("import", "csv", "--data", dir.toString(), good.toString()).status()).isEqualTo(2);
        Run bad = run("import", "text", "--data", dir.toString(), "--config", dir.resolve("nope.properties").toString(), good.toString());
        assertThat(bad.status()).isEqualTo(1);
        assertThat(bad.err()).contains("NASHIR_CONFIG").doesNotContain("Exception");
    }
}
