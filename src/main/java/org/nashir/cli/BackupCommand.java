package org.nashir.cli;

import org.nashir.config.Settings;
import org.nashir.backup.Backup;
import org.nashir.storage.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code backup FILE}: a consistent copy of a running site (database, media, secret key) in one zip. */
@Command(name = "backup", description = "خذ نسخة احتياطية من موقع يعمل دون إيقافه")
public final class BackupCommand implements Callable<Integer> {
    @Mixin
    SiteOptions site;

    @Parameters(index = "0", paramLabel = "FILE", description = "ملف النسخة (zip)")
    Path file;

    @Override
    public Integer call() throws IOException {
        Settings settings = site.batchSettings();
        if (RestoreCommand.onPostgresql(settings)) return 2;
        try (Database db = Database.open(settings.dbUrl(), settings.dbUser(), settings.dbPassword())) {
            // The media come from where the site keeps them: its folder, or its bucket.
            var media = new org.nashir.media.MediaStore(db.jdbi(), org.nashir.Nashir.mediaFiles(settings), java.time.Clock.systemUTC());
            Backup.Made made = Backup.create(db, media, settings.secretFile(), file);
            System.out.println("كُتبت النسخة الاحتياطية " + file.toAbsolutePath() + ": قاعدة بيانات " + made.databaseBytes() / 1024
                + " كيلوبايت و" + made.mediaFiles() + " ملف وسائط");
        }
        return 0;
    }
}
