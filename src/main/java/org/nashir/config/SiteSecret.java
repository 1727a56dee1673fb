package org.nashir.config;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;

/**
 * The site's secret key ({@code NASHIR_SECRET_FILE}, by default {@code <data>/secret.key}), made on first start when
 * missing: it signs comment tokens and keys the hashes of readers' addresses. Nodes of one site must share it (the
 * same file on each), or tokens fetched from one node fail on another and a reader is counted once per node.
 */
public final class SiteSecret {
    private static final Logger log = LoggerFactory.getLogger(SiteSecret.class);

    private SiteSecret() {}

    public static byte[] load(Path file) {
        try {
            if (Files.exists(file)) {
                byte[] key = Files.readAllBytes(file);
                if (key.length < 16) throw new Settings.Invalid("NASHIR_SECRET_FILE: الملف " + file + " أقصر من 16 بايتاً؛ احذفه ليُنشأ مفتاح جديد أو انسخ مفتاح الموقع إليه");
                return key;
            }
            if (file.toAbsolutePath().getParent() != null) Files.createDirectories(file.toAbsolutePath().getParent());
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            Files.write(file, key, StandardOpenOption.CREATE_NEW);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                log.info("{} is readable as the file system allows; restrict it by hand", file);
            }
            return key;
        } catch (FileAlreadyExistsException raced) {
            return load(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create " + file, e);
        }
    }
}
