package org.nashir.backup;

import org.nashir.storage.Database;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * {@code backup FILE} and {@code restore FILE} for the embedded SQLite site: one zip holding a consistent copy of
 * the database ({@code VACUUM INTO}, a snapshot taken while the site keeps serving and saving), the media files and
 * {@code secret.key}. The database is copied first: media files are written and fsynced before the row that points
 * at them commits, so every image the copied database knows of is already on disk when the folder is copied.
 * On PostgreSQL the database is the operator's to back up with {@code pg_dump}; these commands say so.
 */
public final class Backup {
    static final String DATABASE = "nashir.db";
    static final String SECRET = "secret.key";
    static final String MEDIA = "media/";

    private Backup() {}

    /** The database's file name inside the data folder (the default NASHIR_DB_URL). */
    public static String databaseFile() {
        return DATABASE;
    }

    /** What a backup holds, for the command's summary. */
    public record Made(long databaseBytes, int mediaFiles) {}

    /**
     * Writes the backup of database {@code db}, the files of {@code media} (a folder or a bucket) and the secret at
     * {@code secretFile} to {@code target}, atomically: a half-written backup never has the final name.
     */
    public static Made create(Database db, org.nashir.media.MediaStore media, Path secretFile, Path target) throws IOException {
        Path parent = target.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path snapshot = Files.createTempFile(parent, ".nashir-backup-", ".db");
        Files.delete(snapshot);
        Path partial = parent.resolve(target.getFileName() + ".partial");
        try {
            db.jdbi().useHandle(h -> h.execute("VACUUM INTO ?", snapshot.toString()));
            int mediaFiles = 0;
            try (OutputStream out = Files.newOutputStream(partial); ZipOutputStream zip = new ZipOutputStream(out)) {
                add(zip, DATABASE, snapshot);
                if (Files.isRegularFile(secretFile)) add(zip, SECRET, secretFile);
                // Listed after the snapshot: every row it holds had its files stored before it committed.
                for (var f : media.listFiles()) {
                    var stored = media.files().open(f.getKey(), f.getValue());
                    if (stored.isEmpty()) continue;
                    try (var in = stored.get()) {
                        zip.putNextEntry(new ZipEntry(MEDIA + f.getKey() + "/" + f.getValue()));
                        in.in().transferTo(zip);
                        zip.closeEntry();
                    }
                    mediaFiles++;
                }
            }
            fsync(partial);
            long bytes = Files.size(snapshot);
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            fsyncDir(parent);
            return new Made(bytes, mediaFiles);
        } finally {
            Files.deleteIfExists(snapshot);
            Files.deleteIfExists(partial);
        }
    }

    /** A backup that cannot be restored here: the message says why, in Arabic. */
    public static final class Refused extends Exception {
        Refused(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * Unpacks {@code backup} into {@code dataDir}, which must be empty or absent, and checks the database's
     * integrity before saying yes. Entries that would land outside the folder are refused (zip slip).
     */
    public static void restore(Path backup, Path dataDir) throws IOException, Refused {
        if (Files.isDirectory(dataDir)) {
            try (Stream<Path> s = Files.list(dataDir)) {
                if (s.findAny().isPresent()) throw new Refused("مجلد البيانات " + dataDir + " ليس فارغاً: الاستعادة لا تكتب فوق موقع قائم، فاختر مجلداً فارغاً");
            }
        }
        if (!Files.isRegularFile(backup)) throw new Refused("ملف النسخة الاحتياطية غير موجود: " + backup);
        Path root = dataDir.toAbsolutePath().normalize();
        // Unpacked beside the data folder and moved into place only once whole and checked: a broken backup (a
        // truncated zip, a corrupt database) leaves the data folder as it was, empty, for the next attempt.
        Path unpacking = root.resolveSibling(root.getFileName() + ".restoring");
        deleteTree(unpacking);
        Files.createDirectories(unpacking);
        try {
            unpack(backup, unpacking);
            String check = integrity(unpacking.resolve(DATABASE));
            if (!check.equals("ok")) throw new Refused("قاعدة البيانات في النسخة الاحتياطية تالفة: " + check);
            fsyncDir(unpacking);
            if (Files.isDirectory(root)) Files.delete(root);
            Files.move(unpacking, root, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            fsyncDir(root.getParent());
        } finally {
            deleteTree(unpacking);
        }
    }

    private static void unpack(Path backup, Path root) throws IOException, Refused {
        boolean sawDatabase = false;
        try (InputStream in = Files.newInputStream(backup); ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                String name = e.getName();
                boolean known = name.equals(DATABASE) || name.equals(SECRET) || (name.startsWith(MEDIA) && name.length() > MEDIA.length());
                Path to = root.resolve(name).normalize();
                if (!known || !to.startsWith(root)) throw new Refused("النسخة الاحتياطية تحوي ملفاً غير متوقع: " + name);
                if (e.isDirectory()) continue;
                Files.createDirectories(to.getParent());
                Files.copy(zip, to);
                fsync(to);
                sawDatabase |= name.equals(DATABASE);
            }
        } catch (java.util.zip.ZipException | java.io.EOFException e) {
            throw new Refused("الملف ليس نسخة احتياطية سليمة من ناشر، وقد يكون منقوصاً: " + e.getMessage());
        }
        if (!sawDatabase) throw new Refused("النسخة الاحتياطية لا تحوي قاعدة البيانات " + DATABASE);
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }

    private static String integrity(Path file) {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
             var rs = c.createStatement().executeQuery("PRAGMA integrity_check")) {
            List<String> problems = new java.util.ArrayList<>();
            while (rs.next()) problems.add(rs.getString(1));
            return String.join("; ", problems);
        } catch (SQLException e) {
            return e.getMessage();
        }
    }

    private static void add(ZipOutputStream zip, String name, Path file) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        Files.copy(file, zip);
        zip.closeEntry();
    }

    private static void fsync(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
    }

    private static void fsyncDir(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot sync the folder " + dir, e);
        }
    }
}
