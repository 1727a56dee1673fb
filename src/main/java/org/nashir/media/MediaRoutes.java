package org.nashir.media;

import org.nashir.web.Input;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.UploadedFile;
import org.nashir.account.AdminFrame;
import org.nashir.account.Guard;
import org.nashir.web.NotFound;
import org.nashir.web.Site;
import org.nashir.web.Templates;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;

/** The media library in the back office, and the public image files. */
public final class MediaRoutes {
    public record MediaPage(AdminFrame frame, List<Media> items, List<Media> videos, String error, String alt, String caption, String credit, int maxMegabytes) {}

    private final MediaStore media;
    private final Site site;
    private final Templates templates;
    private final int maxMegabytes;

    public MediaRoutes(MediaStore media, Site site, Templates templates, int maxMegabytes) {
        this.media = media;
        this.site = site;
        this.templates = templates;
        this.maxMegabytes = maxMegabytes;
    }

    public void list(Context ctx) {
        render(ctx, 200, null, "", "", "");
    }

    public void upload(Context ctx) throws IOException {
        String alt = param(ctx, "alt"), caption = param(ctx, "caption"), credit = param(ctx, "credit");
        UploadedFile file = ctx.uploadedFile("file");
        if (file == null || file.size() == 0) {
            render(ctx, 422, site.messages().get("media.error.empty"), alt, caption, credit);
            return;
        }
        if (alt.isBlank()) {
            render(ctx, 422, site.messages().get("media.error.alt"), alt, caption, credit);
            return;
        }
        long max = max();
        if (file.size() > max) {
            render(ctx, 413, site.messages().get("media.error.size", maxMegabytes), alt, caption, credit);
            return;
        }
        byte[] bytes;
        try (InputStream in = file.content()) {
            bytes = in.readNBytes((int) max + 1);
        }
        long id;
        try {
            id = media.add(file.filename(), bytes, max, alt.strip(), caption.strip(), credit.strip(), Guard.required(ctx).account().id(), poster(ctx, max));
        } catch (ImageFile.Refused refused) {
            render(ctx, refused.key.equals("media.error.size") ? 413 : 422, site.messages().get(refused.key, maxMegabytes), alt, caption, credit);
            return;
        }
        if (wantsJson(ctx)) {
            ctx.status(201).json(placed(media.findAny(id).orElseThrow()));
            return;
        }
        ctx.redirect("/admin/media?done=media-saved", HttpStatus.SEE_OTHER);
    }

    public void describe(Context ctx) throws IOException {
        String raw = ctx.pathParam("id");
        if (!Input.isId(raw)) throw new NotFound("bad media id " + raw, "error.media-not-found");
        Media m = media.findAny(Input.id(raw)).orElseThrow(() -> new NotFound("no media " + raw, "error.media-not-found"));
        String alt = param(ctx, "alt");
        if (alt.isBlank() || alt.length() > 500 || param(ctx, "caption").length() > 1000 || param(ctx, "credit").length() > 200) {
            render(ctx, 422, site.messages().get("media.error.alt"), "", "", "");
            return;
        }
        byte[] poster = poster(ctx, max());
        if (poster != null && m.isVideo()) {
            try {
                if (!media.addPoster(m.id(), poster, max())) {
                    render(ctx, 409, site.messages().get("media.error.poster-set"), "", "", "");
                    return;
                }
            } catch (ImageFile.Refused refused) {
                render(ctx, 422, site.messages().get(refused.key, maxMegabytes), "", "", "");
                return;
            }
        }
        media.describe(m.id(), alt.strip(), param(ctx, "caption").strip(), param(ctx, "credit").strip());
        ctx.redirect("/admin/media?done=media-saved", HttpStatus.SEE_OTHER);
    }

    /** {@code /media/{key}/{file}}: a rendition, typed by what we wrote, cacheable for a year (its name never changes). */
    public void serve(Context ctx) throws IOException {
        String name = ctx.pathParam("file");
        MediaFiles.Stored file = media.file(ctx.pathParam("key"), name)
            .orElseThrow(() -> new NotFound("no media file " + ctx.path(), "error.media-not-found"));
        ctx.header("Cache-Control", "public, max-age=31536000, immutable");
        String type = MediaFiles.type(name);
        if (name.startsWith("video.")) {
            // Players ask for ranges to seek and to start before the whole file arrives (the stream is closed when sent).
            ctx.writeSeekableStream(file.in(), type, file.size());
            return;
        }
        try (file) {
            ctx.contentType(type).result(file.in().readAllBytes());
        }
    }

    /** What the editor needs to place an uploaded picture in the text: the 1024-pixel rendition and its words. */
    private static java.util.Map<String, Object> placed(Media m) {
        int width = Math.min(m.width(), 1024);
        var out = new java.util.LinkedHashMap<String, Object>();
        out.put("id", m.id());
        out.put("src", m.isVideo() ? m.videoSrc() : m.srcNear(1024));
        out.put("width", width);
        out.put("height", m.heightAt(width));
        out.put("alt", m.alt());
        out.put("caption", m.caption());
        out.put("credit", m.credit());
        return out;
    }

    /** The editor's upload dialog asks for JSON; the media library's own form for a page. */
    private static boolean wantsJson(Context ctx) {
        String accept = ctx.header("Accept");
        return accept != null && accept.startsWith("application/json");
    }

    private long max() {
        return maxMegabytes * 1024L * 1024L;
    }

    /** The poster picture sent with a video, or null when none was chosen (the form's file input sends an empty part). */
    private static byte[] poster(Context ctx, long max) throws IOException {
        UploadedFile file = ctx.uploadedFile("poster");
        if (file == null || file.size() == 0) return null;
        try (InputStream in = file.content()) {
            return in.readNBytes((int) max + 1);
        }
    }

    /** A text field of the library's forms (alt text, caption, credit), cleaned by the one rule (CleanText). */
    private static String param(Context ctx, String name) {
        String raw = Optional.ofNullable(ctx.formParam(name)).orElse("");
        return name.equals("caption") ? org.nashir.arabic.CleanText.lines(raw) : org.nashir.arabic.CleanText.line(raw);
    }

    private void render(Context ctx, int status, String error, String alt, String caption, String credit) {
        if (wantsJson(ctx)) {
            // The editor's upload dialog: it shows the message beside the form it keeps open.
            ctx.status(status).json(java.util.Map.of("error", java.util.Map.of("code", "media.refused", "message", error)));
            return;
        }
        templates.send(ctx, status, "admin/media.jte",
            new MediaPage(AdminFrame.of(site, ctx, site.messages().get("admin.media"), "media"), media.listLatest(200), media.listVideos(50), error, alt, caption,
                credit, maxMegabytes));
    }
}
