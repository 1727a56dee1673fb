package org.nashir.media;

import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Pictures and videos: their files in {@link MediaFiles} (a folder, or a bucket every node shares) and their rows.
 * Every file is durable before the row that points at it is committed: a crash leaves at worst unreferenced files,
 * never a row pointing at a missing or half-written one. The row also says each rendition's size, so feeds and pages
 * never ask the storage.
 */
public final class MediaStore {
    private static final RowMapper<Media> MEDIA = ConstructorMapper.of(Media.class);
    private static final String COLUMNS = "id, file_key, original_name, mime, width, height, bytes, widths, sizes, alt, caption, credit, created_at";
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(MediaStore.class);

    private final Jdbi jdbi;
    private final MediaFiles files;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public MediaStore(Jdbi jdbi, MediaFiles files, Clock clock) {
        this.jdbi = jdbi;
        this.files = files;
        this.clock = clock;
    }

    public MediaFiles files() {
        return files;
    }

    /**
     * The size in bytes of one rendition (feeds' enclosures state it), from the row; for media stored before rows
     * said so, asked of the storage once and written into the row. 0 when the file cannot be found.
     */
    public long renditionBytes(Media m, int width) {
        // From the row already read: a feed states a size for each of its items, so no query of its own per item.
        Long known = sizes(m.sizes()).get(width);
        if (known != null) return known;
        Map<Integer, Long> found = new java.util.TreeMap<>();
        for (int w : m.renditionWidths()) {
            try (var f = files.open(m.fileKey(), w + "." + m.extension()).orElse(null)) {
                if (f != null) found.put(w, f.size());
            } catch (IOException e) {
                log.warn("cannot read the size of {} of media {}: {}", w, m.id(), e.toString());
                return 0;
            }
        }
        if (found.size() == m.renditionWidths().size()) {
            jdbi.useHandle(h -> h.createUpdate("UPDATE media SET sizes = :sizes WHERE id = :id").bind("sizes", sizes(found)).bind("id", m.id()).execute());
        }
        return found.getOrDefault(width, 0L);
    }

    private static Map<Integer, Long> sizes(String column) {
        Map<Integer, Long> out = new java.util.TreeMap<>();
        if (column == null || column.isBlank()) return out;
        for (String pair : column.split(",")) {
            String[] kv = pair.split(":");
            if (kv.length == 2) out.put(Integer.parseInt(kv[0]), Long.parseLong(kv[1]));
        }
        return out;
    }

    private static String sizes(Map<Integer, Long> sizes) {
        return sizes.entrySet().stream().map(e -> e.getKey() + ":" + e.getValue()).collect(Collectors.joining(","));
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
        List<String> written = new java.util.ArrayList<>();
        try {
            writeRenditions(fileKey, p, written);
        } catch (IOException | RuntimeException e) {
            forget(fileKey, written);
            throw new UncheckedIOException("cannot store media files of " + fileKey + " in " + files.describe(),
                e instanceof IOException io ? io : new IOException(e));
        }
        long total = p.renditions().values().stream().mapToLong(b -> b.length).sum();
        String widths = widths(p);
        String name = fileName(originalName);
        return insertOrForget(fileKey, written, () -> jdbi.withHandle(h -> h.createUpdate("""
                INSERT INTO media (file_key, original_name, mime, width, height, bytes, widths, sizes, alt, caption, credit, created_by, created_at)
                VALUES (:key, :name, :mime, :w, :h, :bytes, :widths, :sizes, :alt, :caption, :credit, :by, :at)""")
            .bind("key", fileKey).bind("name", name.length() > 200 ? name.substring(name.length() - 200) : name)
            .bind("mime", p.mime()).bind("w", p.width()).bind("h", p.height()).bind("bytes", total).bind("widths", widths).bind("sizes", sizes(p))
            .bind("alt", alt).bind("caption", caption).bind("credit", credit).bind("by", by).bind("at", clock.instant())
            .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one()));
    }

    /**
     * A video is kept as uploaded, under {@code <fileKey>/video.<ext>}; its poster's renditions sit beside it as
     * {@code <width>.jpg} and the row's width, height and widths describe the poster. All is fsynced before the row exists.
     */
    private long addVideo(String originalName, byte[] bytes, String mime, String alt, String caption, String credit, Long by, ImageFile.Processed poster) {
        String fileKey = newKey();
        List<String> written = new java.util.ArrayList<>();
        try {
            String video = "video." + VideoFile.extension(mime);
            files.put(fileKey, video, bytes);
            written.add(video);
            if (poster != null) writeRenditions(fileKey, poster, written);
        } catch (IOException | RuntimeException e) {
            forget(fileKey, written);
            throw new UncheckedIOException("cannot store media files of " + fileKey + " in " + files.describe(),
                e instanceof IOException io ? io : new IOException(e));
        }
        String name = fileName(originalName);
        return insertOrForget(fileKey, written, () -> jdbi.withHandle(h -> h.createUpdate("""
                INSERT INTO media (file_key, original_name, mime, width, height, bytes, widths, sizes, alt, caption, credit, created_by, created_at)
                VALUES (:key, :name, :mime, :w, :h, :bytes, :widths, :sizes, :alt, :caption, :credit, :by, :at)""")
            .bind("key", fileKey).bind("name", name.length() > 200 ? name.substring(name.length() - 200) : name).bind("mime", mime)
            .bind("w", poster == null ? 0 : poster.width()).bind("h", poster == null ? 0 : poster.height()).bind("widths", poster == null ? "" : widths(poster))
            .bind("sizes", poster == null ? "" : sizes(poster))
            .bind("bytes", (long) bytes.length).bind("alt", alt).bind("caption", caption).bind("credit", credit).bind("by", by).bind("at", clock.instant())
            .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one()));
    }

    /**
     * Gives a video that has none its poster. A poster once set stays: its file names are cached by readers for a
     * year, so a different one needs the video uploaded again. False when the video already had one.
     */
    public boolean addPoster(long videoId, byte[] bytes, long maxBytes) throws ImageFile.Refused {
        Media video = findVideo(videoId).orElseThrow(() -> new ImageFile.Refused("media.error.poster"));
        if (video.hasPoster()) return false;
        ImageFile.Processed poster = posterOf(bytes, maxBytes);
        List<String> written = new java.util.ArrayList<>();
        try {
            writeRenditions(video.fileKey(), poster, written);
        } catch (IOException | RuntimeException e) {
            forget(video.fileKey(), written);
            throw new UncheckedIOException("cannot store a poster of " + video.fileKey() + " in " + files.describe(),
                e instanceof IOException io ? io : new IOException(e));
        }
        return insertOrForget(video.fileKey(), written, () -> jdbi.withHandle(h -> h.createUpdate(
                "UPDATE media SET width = :w, height = :h, widths = :widths, sizes = :sizes WHERE id = :id AND widths = ''")
            .bind("w", poster.width()).bind("h", poster.height()).bind("widths", widths(poster)).bind("sizes", sizes(poster)).bind("id", videoId).execute())) == 1;
    }

    private static ImageFile.Processed posterOf(byte[] bytes, long maxBytes) throws ImageFile.Refused {
        try {
            return ImageFile.process(bytes, maxBytes, true);
        } catch (ImageFile.Refused refused) {
            throw new ImageFile.Refused("media.error.poster");
        }
    }

    /**
     * An uploaded file's name as the library shows it: cleaned (CleanText) and without any bidi control at all, as a
     * file name is no prose: «صورة\u202Egpj.exe» would show as «صورةexe.jpg»; path separators and controls become _.
     */
    static String fileName(String originalName) {
        if (originalName == null) return "";
        String clean = org.nashir.arabic.CleanText.line(originalName).replaceAll("[\\u200E\\u200F\\u061C\\u202A-\\u202E\\u2066-\\u2069]", "");
        return clean.replaceAll("[\\p{Cntrl}/\\\\]", "_");
    }

    private String newKey() {
        byte[] key = new byte[16];
        random.nextBytes(key);
        return HexFormat.of().formatHex(key);
    }

    private void writeRenditions(String fileKey, ImageFile.Processed p, List<String> written) throws IOException {
        for (Map.Entry<Integer, byte[]> r : p.renditions().entrySet()) {
            String name = r.getKey() + "." + (p.mime().equals("image/png") ? "png" : "jpg");
            written.add(name);
            files.put(fileKey, name, r.getValue());
        }
    }

    /** The row for files just written; when it cannot be inserted (a full disk, the database gone), the files go too. */
    private long insertOrForget(String fileKey, List<String> written, java.util.function.LongSupplier insert) {
        try {
            return insert.getAsLong();
        } catch (RuntimeException e) {
            forget(fileKey, written);
            throw e;
        }
    }

    /** Removes what a failed upload wrote, so nothing half-stored stays behind (no row points at it). */
    private void forget(String fileKey, List<String> written) {
        for (String name : written) {
            try {
                files.delete(fileKey, name);
            } catch (IOException | RuntimeException e) {
                log.warn("could not remove {}/{} left by a failed upload: {}", fileKey, name, e.toString());
            }
        }
    }

    private static String sizes(ImageFile.Processed p) {
        Map<Integer, Long> out = new java.util.TreeMap<>();
        p.renditions().forEach((w, b) -> out.put(w, (long) b.length));
        return sizes(out);
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

    /** A stored file, if {@code key} and {@code file} name one (both are checked against strict patterns first). */
    public Optional<MediaFiles.Stored> file(String key, String file) throws IOException {
        if (!key.matches("[0-9a-f]{32}") || !file.matches("[0-9]{1,5}\\.(jpg|png)|video\\.(mp4|webm)")) return Optional.empty();
        return files.open(key, file);
    }

    /** What {@link #copyAll} did. */
    public record Copied(int copied, int present, List<String> missing) {}

    /**
     * Copies every media row's files from {@code from} to {@code into}, skipping those already there (so it can run
     * again after an interruption); deletes nothing. What {@code media move} and {@code restore} onto a bucket do.
     */
    public Copied copyAll(MediaFiles from, MediaFiles into) throws IOException {
        int copied = 0, present = 0;
        List<String> missing = new java.util.ArrayList<>();
        for (var f : listFiles()) {
            if (into.exists(f.getKey(), f.getValue())) {
                present++;
                continue;
            }
            var stored = from.open(f.getKey(), f.getValue());
            if (stored.isEmpty()) {
                missing.add(f.getKey() + "/" + f.getValue());
                continue;
            }
            try (var in = stored.get()) {
                into.put(f.getKey(), f.getValue(), in.in().readAllBytes());
            }
            copied++;
        }
        return new Copied(copied, present, missing);
    }

    /** Every stored file of every media row, by key: what {@code media move} copies. */
    public List<Map.Entry<String, String>> listFiles() {
        List<Map.Entry<String, String>> out = new java.util.ArrayList<>();
        for (Media m : jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM media ORDER BY id").map(MEDIA).list())) {
            if (m.isVideo()) out.add(Map.entry(m.fileKey(), "video." + (m.mime().equals("video/webm") ? "webm" : "mp4")));
            if (!m.widths().isEmpty()) for (int w : m.renditionWidths()) out.add(Map.entry(m.fileKey(), w + "." + m.extension()));
        }
        return out;
    }
}
