package org.nashir.media;

import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Video uploads: MP4 and WebM, recognised by their bytes (an ISO base media {@code ftyp} box with a known brand, or an
 * EBML header whose document type is {@code webm}), never by the file's name. They are stored as uploaded and served
 * with range requests so players can seek.
 */
final class VideoFile {
    private static final Set<String> MP4_BRANDS = Set.of("isom", "iso2", "iso4", "iso5", "iso6", "mp41", "mp42", "avc1", "M4V ", "dash", "MSNV");

    private VideoFile() {}

    /** {@code video/mp4}, {@code video/webm}, or null when the bytes are neither. */
    static String sniff(byte[] b) {
        if (b.length >= 12 && b[4] == 'f' && b[5] == 't' && b[6] == 'y' && b[7] == 'p') {
            String brand = new String(b, 8, 4, StandardCharsets.ISO_8859_1);
            if (MP4_BRANDS.contains(brand)) return "video/mp4";
        }
        if (b.length >= 4 && (b[0] & 0xFF) == 0x1A && (b[1] & 0xFF) == 0x45 && (b[2] & 0xFF) == 0xDF && (b[3] & 0xFF) == 0xA3) {
            // The DocType element (0x4282) comes early in the EBML header: "webm" (Matroska files say "matroska").
            String head = new String(b, 0, Math.min(b.length, 64), StandardCharsets.ISO_8859_1);
            if (head.contains("webm")) return "video/webm";
        }
        return null;
    }

    static String extension(String mime) {
        return mime.equals("video/webm") ? "webm" : "mp4";
    }
}
