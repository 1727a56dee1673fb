package org.nashir.media;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * An uploaded image or video: an image's re-encoded renditions live under {@code <data>/media/<fileKey>/<width>.<ext>},
 * a video as uploaded at {@code <fileKey>/video.<ext>}; alt text, caption and credit describe it in Arabic.
 */
public record Media(long id, String fileKey, String originalName, String mime, int width, int height, long bytes, String widths,
                    String sizes, String alt, String caption, String credit, Instant createdAt) {

    public boolean isVideo() {
        return mime.startsWith("video/");
    }

    /** Where a video plays from (range requests allowed). */
    public String videoSrc() {
        return "/media/" + fileKey + "/video." + (mime.equals("video/webm") ? "webm" : "mp4");
    }

    /** A video's poster exists once its renditions are listed; {@link #srcNear} then names a poster file. */
    public boolean hasPoster() {
        return isVideo() && !widths.isEmpty();
    }

    public List<Integer> renditionWidths() {
        return Arrays.stream(widths.split(",")).map(Integer::parseInt).sorted().toList();
    }

    public String extension() {
        return mime.equals("image/png") ? "png" : "jpg";
    }

    public String src(int width) {
        return "/media/" + fileKey + "/" + width + "." + extension();
    }

    /** The rendition nearest to {@code wanted} without going below it when possible. */
    public String srcNear(int wanted) {
        return src(renditionWidths().stream().filter(w -> w >= wanted).findFirst().orElse(renditionWidths().getLast()));
    }

    public String srcset() {
        return renditionWidths().stream().map(w -> src(w) + " " + w + "w").collect(Collectors.joining(", "));
    }

    /** The displayed height at {@code displayWidth}, so the page reserves the space before the image loads. */
    public int heightAt(int displayWidth) {
        return Math.max(1, Math.round((float) height * displayWidth / width));
    }
}
