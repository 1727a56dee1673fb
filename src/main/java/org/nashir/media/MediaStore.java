package org.nashir.media;

import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Images on disk under {@code <data>/media} and their rows. Files are written to a temporary name, fsynced, renamed
 * into place and the folder fsynced before the row that points at them is committed: a crash leaves at worst an
 * unreferenced folder, never a row pointing at a missing or half-written file.
 */
public final class MediaStore {
    private static final RowMapper<Media> MEDIA = ConstructorMapper.of(Media.class);
    private static final String COLUMNS = "id, file_key, original_name, mime, width, height, bytes, widths, alt, caption, credit, created_at";

    private final Jdbi jdbi;
    private final Path root;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public MediaStore(Jdbi jdbi, Path root, Clock clock) {
        this.jdbi = jdbi;
        this.root = root;
        this.clock = clock;
    }

    /** The size in bytes of one rendition on disk (feeds' enclosures state it), or 0 when the file is missing. */
    public long renditionBytes(Media m, int width) {
        try {
            return Files.size(root.resolve(m.fileKey()).resolve(width + "." + m.extension()));
        } catch (IOException e) {
            return 0;
        }
    }

    /** An image brought along by an import, processed and stored like an upload; empty when it is not one Nashir takes. */
    public Optional<Long> addImported(String originalName, byte[] bytes, long maxBytes, String alt) {
        try {
            return Optional.of(add(originalName, bytes, maxBytes, alt, "", "", null, null));
        } catch (ImageFile.Refused e) {
            return Optional.empty();
        }
    }

    /**
     * Processes and stores an upload (an image, re-encoded; or an MP4/WebM video, as uploaded, with its poster picture
     * re-encoded when one is given); the refusal's message key says why not. A poster beside a picture is ignored.
     */
    public long add(String originalName, byte[] bytes, long maxBytes, String alt, String caption, String credit, Long by, byte[] poster)
            throws ImageFile.Refused {
        if (bytes.length > maxBytes) throw new ImageFile.Refused("media.error.size");
        String video = VideoFile.sniff(bytes);
        if (video != null) return addVideo(originalName, bytes, video, alt, caption, credit, by, poster == null ? null : posterOf(poster, maxBytes));
        ImageFile.Processed p = ImageFile.process(bytes, maxBytes);
        String fileKey = newKey();
        Path dir = root.resolve(fileKey);
        try {
            Files.createDirectories(dir);
            writeRenditions(dir, p);
            fsync(root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write media files under " + dir, e);
        }
        long total = p.renditions().values().stream().mapToLong(b -> b.length).sum();
        String widths = widths(p);
        String name = originalName == null ? "" : originalName.replaceAll("[\\p{Cntrl}/\\\\]", "_");
        return jdbi.withHandle(h -> h.createUpdate("""
                INSERT INTO media (file_key, original_name, mime, width, height, bytes, widths, alt, caption, credit, created_by, created_at)
                VALUES (:key, :name, :mime, :w, :h, :bytes, :widths, :alt, :caption, :credit, :by, :at)""")
            .bind("key", fileKey).bind("name", name.length() > 200 ? name.substring(name.length() - 200) : name)
            .bind("mime", p.mime()).bind("w", p.width()).bind("h", p.height()).bind("bytes", total).bind("widths", widths)
            .bind("alt", alt).bind("caption", caption).bind("credit", credit).bind("by", by).bind("at", clock.instant())
            .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
    }

    /**
     * A video is kept as uploaded, under {@code <fileKey>/video.<ext>}; its poster's renditions sit beside it as
     * {@code <width>.jpg} and the row's width, height and widths describe the poster. All is fsynced before the row exists.
     */
    private long addVideo(String originalName, byte[] bytes, String mime, String alt, String caption, String credit, Long by, ImageFile.Processed poster) {
        String fileKey = newKey();
        Path dir = root.resolve(fileKey);
        try {
            Files.createDirectories(dir);
            writeDurably(dir, "video." + VideoFile.extension(mime), bytes);
            if (poster != null) writeRenditions(dir, poster);
            fsync(dir);
            fsync(root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write media files under " + dir, e);
        }
        String name = originalName == null ? "" : originalName.replaceAll("[\\p{Cntrl}/\\\\]", "_");
        return jdbi.withHandle(h -> h.createUpdate("""
                INSERT INTO media (file_key, original_name, mime, width, height, bytes, widths, alt, caption, credit, created_by, created_at)
                VALUES (:key, :name, :mime, :w, :h, :bytes, :widths, :alt, :caption, :credit, :by, :at)""")
            .bind("key", fileKey).bind("name", name.length() > 200 ? name.substring(name.length() - 200) : name).bind("mime", mime)
            .bind("w", poster == null ? 0 : poster.width()).bind("h", poster == null ? 0 : poster.height()).bind("widths", poster == null ? "" : widths(poster))
            .bind("bytes", (long) bytes.length).bind("alt", alt).bind("caption", caption).bind("credit", credit).bind("by", by).bind("at", clock.instant())
            .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
    }

    /**
     * Gives a video that has none its poster. A poster once set stays: its file names are cached by readers for a
     * year, so a different one needs the video uploaded again. False when the video already had one.
     */
    public boolean addPoster(long videoId, byte[] bytes, long maxBytes) throws ImageFile.Refused {
        Media video = findVideo(videoId).orElseThrow(() -> new ImageFile.Refused("media.error.poster"));
        if (video.hasPoster()) return false;
        ImageFile.Processed poster = posterOf(bytes, maxBytes);
        Path dir = root.resolve(video.fileKey());
        try {
            writeRenditions(dir, poster);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a poster under " + dir, e);
        }
        return jdbi.withHandle(h -> h.createUpdate("UPDATE media SET width = :w, height = :h, widths = :widths WHERE id = :id AND widths = ''")
            .bind("w", poster.width()).bind("h", poster.height()).bind("widths", widths(poster)).bind("id", videoId).execute()) == 1;
    }

    private static ImageFile.Processed posterOf(byte[] bytes, long maxBytes) throws ImageFile.Refused {
        try {
            return ImageFile.process(bytes, maxBytes, true);
        } catch (ImageFile.Refused refused) {
            throw new ImageFile.Refused("media.error.poster");
        }
    }

    private String newKey() {
        byte[] key = new byte[16];
        random.nextBytes(key);
        return HexFormat.of().formatHex(key);
    }

    private static void writeRenditions(Path dir, ImageFile.Processed p) throws IOException {
        for (Map.Entry<Integer, byte[]> r : p.renditions().entrySet()) {
            writeDurably(dir, r.getKey() + "." + (p.mime().equals("image/png") ? "png" : "jpg"), r.getValue());
        }
        fsync(dir);
    }

    private static String widths(ImageFile.Processed p) {
        return p.renditions().keySet().stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    /** The latest pictures (videos are listed apart: pages and feeds place pictures). */
    public List<Media> listLatest(int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM media WHERE mime LIKE 'image/%' ORDER BY id DESC LIMIT :limit")
            .bind("limit", limit).map(MEDIA).list());
    }

    public List<Media> listVideos(int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM media WHERE mime LIKE 'video/%' ORDER BY id DESC LIMIT :limit")
            .bind("limit", limit).map(MEDIA).list());
    }

    /** A picture by id (a video id finds nothing here: articles, bylines and feeds place pictures). */
    public Optional<Media> find(long id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM media WHERE id = :id AND mime LIKE 'image/%'").bind("id", id).map(MEDIA).findOne());
    }

    /**
     * The srcset of the picture one of whose renditions is at {@code src} ({@code /media/{key}/{width}.{ext}}), or
     * empty for any other address: what a picture placed in a text offers phones that need fewer pixels.
     */
    public Optional<String> srcsetFor(String src) {
        java.util.regex.Matcher m = RENDITION.matcher(src);
        if (!m.matches()) return Optional.empty();
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM media WHERE file_key = :k AND mime LIKE 'image/%'")
                .bind("k", m.group(1)).map(MEDIA).findOne())
            .filter(media -> media.renditionWidths().contains(Integer.parseInt(m.group(2))))
            .map(Media::srcset);
    }

    private static final java.util.regex.Pattern RENDITION = java.util.regex.Pattern.compile("/media/([0-9a-f]{32})/([0-9]{1,5})\\.(jpg|png)");

    /** A picture or a video by id, for the media library's own pages. */
    public Optional<Media> findAny(long id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM media WHERE id = :id").bind("id", id).map(MEDIA).findOne());
    }

    public Optional<Media> findVideo(long id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM media WHERE id = :id AND mime LIKE 'video/%'").bind("id", id).map(MEDIA).findOne());
    }

    /** The poster of the uploaded video at {@code videoSrc} (as {@link Media#videoSrc()} writes it), or null. */
    public String posterOf(String videoSrc) {
        var m = java.util.regex.Pattern.compile("/media/([0-9a-f]{32})/video\\.(?:mp4|webm)").matcher(videoSrc);
        if (!m.matches()) return null;
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM media WHERE file_key = :key AND mime LIKE 'video/%'")
            .bind("key", m.group(1)).map(MEDIA).findOne()).filter(Media::hasPoster).map(v -> v.srcNear(1024)).orElse(null);
    }

    public void describe(long id, String alt, String caption, String credit) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE media SET alt = :alt, caption = :caption, credit = :credit WHERE id = :id")
            .bind("alt", alt).bind("caption", caption).bind("credit", credit).bind("id", id).execute());
    }

    /** A rendition's file, if {@code key} and {@code file} name one (both are checked against strict patterns first). */
    public Optional<Path> file(String key, String file) {
        if (!key.matches("[0-9a-f]{32}") || !file.matches("[0-9]{1,5}\\.(jpg|png)|video\\.(mp4|webm)")) return Optional.empty();
        Path p = root.resolve(key).resolve(file);
        return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
    }

    private static void writeDurably(Path dir, String name, byte[] bytes) throws IOException {
        Path tmp = dir.resolve(name + ".tmp");
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            ByteBuffer buf = ByteBuffer.wrap(bytes);
            while (buf.hasRemaining()) ch.write(buf);
            ch.force(true);
        }
        Files.move(tmp, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    private static void fsync(Path dir) throws IOException {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        }
    }
}
