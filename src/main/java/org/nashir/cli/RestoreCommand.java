package org.nashir.cli;

import org.nashir.config.Settings;
import org.nashir.backup.Backup;
import org.nashir.storage.Dialect;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code restore FILE}: a backup into an empty data folder; the search index is rebuilt when the site starts. */
@Command(name = "restore", description = "استعد نسخة احتياطية إلى مجلد بيانات فارغ")
public final class RestoreCommand implements Callable<Integer> {
    static final String POSTGRESQL = """
        هذا الموقع على PostgreSQL: قاعدة البيانات تُنسخ بأدوات PostgreSQL نفسها، وهي تأخذ لقطة متسقة دون إيقاف الموقع:
          pg_dump --format=custom --file=nashir.dump "$NASHIR_DB_URL"      (النسخ)
          pg_restore --clean --if-exists --dbname=… nashir.dump            (الاستعادة)
        وانسخ معها مجلد الوسائط <data>/media والملف <data>/secret.key، وهما مشتركان بين عقد الموقع.""";

    /** True, after telling the operator what to use instead, when the site's database is PostgreSQL. */
    static boolean onPostgresql(Settings settings) {
        if (Dialect.fromUrl(settings.dbUrl()) != Dialect.POSTGRESQL) return false;
        System.err.println(POSTGRESQL);
        return true;
    }

    @Mixin
    SiteOptions site;

    @Parameters(index = "0", paramLabel = "FILE", description = "ملف النسخة (zip)")
    Path file;

    @Override
    public Integer call() throws IOException {
        Settings settings = site.batchSettings();
        if (onPostgresql(settings)) return 2;
        Path db = Path.of(settings.dbUrl().substring("jdbc:sqlite:".length()));
        if (!db.toAbsolutePath().normalize().equals(settings.dataDir().resolve(Backup.databaseFile()).toAbsolutePath().normalize())) {
            System.err.println("الاستعادة تكتب قاعدة البيانات في مجلد البيانات (" + settings.dataDir().resolve(Backup.databaseFile())
                + ")، و NASHIR_DB_URL يشير إلى غيره: " + db);
            return 2;
        }
        try {
            Backup.restore(file, settings.dataDir());
        } catch (Backup.Refused e) {
            System.err.println("✗ " + e.getMessage());
            return 1;
        }
        System.out.println("استُعيدت النسخة " + file + " إلى " + settings.dataDir().toAbsolutePath() + "؛ يُبنى فهرس البحث عند تشغيل الموقع.");
        if (settings.s3() == null) return 0;
        // A site whose media live in a bucket gets them there too (the copy under <data>/media can then be removed).
        try (org.nashir.Nashir nashir = new org.nashir.Nashir(settings, java.time.Clock.systemUTC())) {
            var done = nashir.media.copyAll(new org.nashir.media.DiskFiles(settings.dataDir().resolve("media")), nashir.media.files());
            System.out.println("نُسخ " + done.copied() + " ملف وسائط إلى " + nashir.media.files().describe() + " (" + done.present() + " موجودة قبلُ).");
            return done.missing().isEmpty() ? 0 : 1;
        }
    }
}
