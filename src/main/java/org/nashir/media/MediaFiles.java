package org.nashir.media;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * Where media files live: a folder of this machine ({@link DiskFiles}, the default) or an S3-compatible bucket that
 * every node of a cluster reads ({@link BucketFiles}). A file is named by its media row's key and a name inside it
 * ({@code 1024.jpg}, {@code video.mp4}); what is known of it (type, sizes) lives in the row, so pages and feeds never
 * ask the storage.
 */
public sealed interface MediaFiles permits DiskFiles, BucketFiles {
    /** Stores {@code bytes}; when this returns, the file is durable (fsynced, or acknowledged by the bucket). */
    void put(String key, String name, byte[] bytes) throws IOException;

    /** The file's bytes and size, or empty when there is no such file. */
    Optional<Stored> open(String key, String name) throws IOException;

    /** Removes the file if it is there: what an upload that failed half-way wrote. */
    void delete(String key, String name) throws IOException;

    /** Whether the file exists (what {@code media move} skips). */
    boolean exists(String key, String name) throws IOException;

    /** Where the files are, for messages: a folder or {@code s3://bucket}. */
    String describe();

    /** The type of a file by the names Nashir gives them. */
    static String type(String name) {
        if (name.endsWith(".png")) return "image/png";
        if (name.endsWith(".mp4")) return "video/mp4";
        if (name.endsWith(".webm")) return "video/webm";
        return "image/jpeg";
    }

    /** An open file: read it, then close it. */
    record Stored(InputStream in, long size) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
