package org.nashir.media;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * Media files under a folder ({@code <data>/media}). Each is written to a temporary name, fsynced, renamed into place
 * and its folder fsynced, so a crash leaves at worst an unreferenced folder, never a half-written file under its name;
 * a write that fails removes its temporary file.
 */
public final class DiskFiles implements MediaFiles {
    private final Path root;

    public DiskFiles(Path root) {
        this.root = root;
    }

    @Override
    public void put(String key, String name, byte[] bytes) throws IOException {
        Path dir = root.resolve(key);
        boolean created = !Files.isDirectory(dir);
        Files.createDirectories(dir);
        Path tmp = dir.resolve(name + ".tmp");
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
                ByteBuffer buf = ByteBuffer.wrap(bytes);
                while (buf.hasRemaining()) ch.write(buf);
                ch.force(true);
            }
            Files.move(tmp, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        fsync(dir);
        if (created) fsync(root);
    }

    @Override
    public Optional<Stored> open(String key, String name) throws IOException {
        Path file = root.resolve(key).resolve(name);
        try {
            return Optional.of(new Stored(Files.newInputStream(file), Files.size(file)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    @Override
    public void delete(String key, String name) throws IOException {
        Path dir = root.resolve(key);
        Files.deleteIfExists(dir.resolve(name));
        Files.deleteIfExists(dir.resolve(name + ".tmp"));
        try (var left = Files.list(dir)) {
            if (left.findAny().isEmpty()) Files.deleteIfExists(dir);
        } catch (java.nio.file.NoSuchFileException gone) {
            // nothing was written under this key
        }
    }

    @Override
    public boolean exists(String key, String name) {
        return Files.isRegularFile(root.resolve(key).resolve(name));
    }

    @Override
    public String describe() {
        return root.toAbsolutePath().toString();
    }

    private static void fsync(Path dir) throws IOException {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        }
    }
}
