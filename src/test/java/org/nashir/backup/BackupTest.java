package org.nashir.backup;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nashir.cli.Main;
import org.nashir.testing.Images;
import org.nashir.testing.TestSite;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code backup} of a site that keeps writing, and {@code restore} into an empty folder. */
class BackupTest {
    static Map<String, String> db(Path dir) {
        return SiteExportTest.fixedDb(dir);
    }

    @Test
    void a_backup_taken_while_articles_are_being_written_restores_every_write_acknowledged_before_it(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("live");
        Path backup = dir.resolve("site.zip");
        Set<Long> acknowledgedBefore = ConcurrentHashMap.newKeySet();
        Set<Long> acknowledged = ConcurrentHashMap.newKeySet();
        long media;
        try (TestSite site = TestSite.create(data, db(data))) {
            media = site.nashir.media.addImported("photo.jpg", Images.jpeg(800, 400), 10L << 20, "صورة").orElseThrow();
            AtomicBoolean stop = new AtomicBoolean();
            AtomicBoolean backupStarted = new AtomicBoolean();
            // The load: one writer imports as fast as it can, noting each article once its transaction returned.
            Thread writer = Thread.ofPlatform().start(() -> {
                for (int i = 0; !stop.get() && i < 20_000; i++) {
                    long id = site.publish("سياسة", "خبر عاجل رقم " + i, site.clock.instant());
                    // Acknowledged now: it must be in the backup if the backup had not begun yet at this moment.
                    if (!backupStarted.get()) acknowledgedBefore.add(id);
                    acknowledged.add(id);
                }
            });
            while (acknowledged.size() < 200) Thread.sleep(5);
            backupStarted.set(true);
            Backup.Made made = Backup.create(site.nashir.db, site.nashir.media, site.nashir.settings.secretFile(), backup);
            while (acknowledged.size() < acknowledgedBefore.size() + 50) Thread.sleep(5);
            stop.set(true);
            writer.join();
            assertThat(made.mediaFiles()).isPositive();
        }
        assertThat(acknowledged.size()).as("writes went on during the backup").isGreaterThan(acknowledgedBefore.size());

        Path restored = dir.resolve("restored");
        Backup.restore(backup, restored);
        try (TestSite site = TestSite.create(restored, db(restored)).start()) {
            Set<Long> ids = Set.copyOf(site.nashir.db.jdbi().withHandle(h -> h.createQuery("SELECT id FROM article").mapTo(Long.class).list()));
            assertThat(ids).containsAll(acknowledgedBefore);
            var m = site.nashir.media.find(media).orElseThrow();
            assertThat(site.get("/media/" + m.fileKey() + "/640.jpg").statusCode()).isEqualTo(200);
            assertThat(Files.readAllBytes(restored.resolve("secret.key"))).isEqualTo(Files.readAllBytes(data.resolve("secret.key")));
            long any = acknowledgedBefore.iterator().next();
            assertThat(site.get("/article/" + any).statusCode()).isEqualTo(200);
            // The search index did not travel: it is rebuilt from the change feed on start.
            assertThat(site.get("/api/v1/search?q=" + java.net.URLEncoder.encode("عاجل", java.nio.charset.StandardCharsets.UTF_8)).body()).contains("\"total\":");
        }
    }

    @Test
    void restore_refuses_a_folder_that_is_not_empty_and_a_backup_that_is_not_one(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("live");
        Path backup = dir.resolve("site.zip");
        try (TestSite site = TestSite.create(data, db(data))) {
            site.publish("سياسة", "خبر", site.clock.instant());
            Backup.create(site.nashir.db, site.nashir.media, site.nashir.settings.secretFile(), backup);
        }
        assertThatThrownBy(() -> Backup.restore(backup, data)).isInstanceOf(Backup.Refused.class).hasMessageContaining("ليس فارغاً");

        Path notZip = Files.writeString(dir.resolve("notes.zip"), "ليست نسخة");
        assertThatThrownBy(() -> Backup.restore(notZip, dir.resolve("r1"))).isInstanceOf(Backup.Refused.class);

        Path slip = dir.resolve("slip.zip");
        try (OutputStream out = Files.newOutputStream(slip); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("media/../../escaped.txt"));
            zip.write("x".getBytes());
            zip.closeEntry();
        }
        assertThatThrownBy(() -> Backup.restore(slip, dir.resolve("r2"))).isInstanceOf(Backup.Refused.class).hasMessageContaining("غير متوقع");
        assertThat(dir.resolve("escaped.txt")).doesNotExist();

        Path corrupt = dir.resolve("corrupt.zip");
        try (OutputStream out = Files.newOutputStream(corrupt); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("nashir.db"));
            zip.write("SQLite format 3\0 but not really a database, just text that pretends".getBytes());
            zip.closeEntry();
        }
        assertThatThrownBy(() -> Backup.restore(corrupt, dir.resolve("r3"))).isInstanceOf(Backup.Refused.class).hasMessageContaining("تالفة");
        assertThat(dir.resolve("r3")).as("nothing of a corrupt backup left behind").doesNotExist();

        // A backup cut short (a copy that stopped half-way): refused, the folder left empty, and a whole backup then restores.
        byte[] whole = Files.readAllBytes(backup);
        Path truncated = Files.write(dir.resolve("truncated.zip"), java.util.Arrays.copyOf(whole, whole.length / 2));
        Path target = Files.createDirectories(dir.resolve("r4"));
        assertThatThrownBy(() -> Backup.restore(truncated, target)).isInstanceOf(Backup.Refused.class);
        try (var left = Files.list(target)) {
            assertThat(left.toList()).as("no half-restored database").isEmpty();
        }
        try (var siblings = Files.list(dir)) {
            assertThat(siblings.map(p -> p.getFileName().toString()).toList()).noneMatch(n -> n.contains("restoring"));
        }
        Backup.restore(backup, target);
        assertThat(target.resolve("nashir.db")).exists();
    }

    @Test
    void the_commands_back_up_and_restore_and_say_what_they_did(@TempDir Path dir) throws IOException {
        Path data = dir.resolve("live");
        try (TestSite site = TestSite.create(data, db(data))) {
            site.publish("سياسة", "خبر للنسخ", site.clock.instant());
        }
        Path zip = dir.resolve("b.zip");
        assertThat(Main.run("backup", "--data", data.toString(), zip.toString())).isZero();
        assertThat(zip).exists();
        assertThat(Main.run("restore", "--data", dir.resolve("copy").toString(), zip.toString())).isZero();
        assertThat(Main.run("restore", "--data", dir.resolve("copy").toString(), zip.toString())).as("not over a site").isEqualTo(1);
        Path json = dir.resolve("site.json");
        assertThat(Main.run("export", "json", "--data", dir.resolve("copy").toString(), json.toString())).isZero();
        assertThat(Main.run("import", "json", "--data", dir.resolve("fresh").toString(), json.toString())).isZero();
        assertThat(Main.run("import", "json", "--data", dir.resolve("fresh").toString(), json.toString())).as("not into a full site").isEqualTo(1);
        assertThat(Files.readString(json)).contains("خبر للنسخ");
        assertThat(List.of(Main.run("export", "xml", "--data", data.toString(), json.toString()))).containsExactly(2);

        // On PostgreSQL the commands say what to use instead, without touching anything.
        Path config = Files.writeString(dir.resolve("pg.properties"), "NASHIR_DB_URL=jdbc:postgresql://127.0.0.1:1/none\n");
        java.io.PrintStream err = System.err;
        java.io.ByteArrayOutputStream said = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(said, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            assertThat(Main.run("backup", "--config", config.toString(), "--data", dir.resolve("pg").toString(), dir.resolve("pg.zip").toString())).isEqualTo(2);
            assertThat(Main.run("restore", "--config", config.toString(), "--data", dir.resolve("pg").toString(), zip.toString())).isEqualTo(2);
        } finally {
            System.setErr(err);
        }
        assertThat(said.toString(java.nio.charset.StandardCharsets.UTF_8)).contains("pg_dump").contains("pg_restore");
        assertThat(dir.resolve("pg.zip")).doesNotExist();
        assertThat(dir.resolve("pg")).doesNotExist();
    }
}
