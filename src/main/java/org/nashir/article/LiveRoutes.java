package org.nashir.article;

import org.nashir.web.Input;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import org.nashir.account.AdminFrame;
import org.nashir.account.Guard;
import org.nashir.arabic.ArabicText;
import org.nashir.web.NotFound;
import org.nashir.web.Site;
import org.nashir.web.Templates;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The live coverage desk of one article, {@code /admin/articles/{id}/live}: editors start and end the coverage;
 * the whole newsroom adds entries, rewrites, deletes and pins them. Works without JavaScript; a refusal comes back
 * to the page with its reason in Arabic.
 */
public final class LiveRoutes {
    public record LivePage(AdminFrame frame, Article article, List<LiveStore.Entry> entries, List<EditorPages.Picture> pictures,
                           boolean canStart, String error) {}

    private final LiveStore live;
    private final ArticleStore articles;
    private final Supplier<List<EditorPages.Picture>> pictures;
    private final Site site;
    private final Templates templates;

    public LiveRoutes(LiveStore live, ArticleStore articles, Supplier<List<EditorPages.Picture>> pictures, Site site, Templates templates) {
        this.live = live;
        this.articles = articles;
        this.pictures = pictures;
        this.site = site;
        this.templates = templates;
    }

    public void show(Context ctx) {
        Article a = find(ctx);
        String key = ctx.queryParam("refused");
        String error = key != null && key.matches("[a-z.-]{1,60}") && site.messages().has(key) ? site.messages().get(key) : null;
        templates.send(ctx, 200, "admin/live.jte", new LivePage(AdminFrame.of(site, ctx, site.messages().get("live.desk", a.title()), "articles"),
            a, live.listFor(a.id()), pictures.get(), Guard.required(ctx).account().role().canPublish(), error));
    }

    /** {@code POST …/live/start} (editors). */
    public void start(Context ctx) {
        Article a = find(ctx);
        act(ctx, a, () -> live.start(a.id(), Guard.required(ctx).account()));
    }

    /** {@code POST …/live/end} (editors). */
    public void end(Context ctx) {
        Article a = find(ctx);
        act(ctx, a, () -> live.end(a.id(), Guard.required(ctx).account()));
    }

    /** {@code POST …/live/entries}: a new entry, with an optional picture from the media library. */
    public void add(Context ctx) {
        Article a = find(ctx);
        act(ctx, a, () -> live.add(a.id(), ctx.formParam("text"), media(ctx), Guard.required(ctx).account()));
    }

    /** {@code POST …/live/entries/{entry}} with {@code action} save, delete, pin or unpin. */
    public void change(Context ctx) {
        Article a = find(ctx);
        String raw = ctx.pathParam("entry");
        if (!Input.isId(raw)) throw new NotFound("bad entry id " + raw, "error.page-not-found");
        long entry = Input.id(raw);
        var by = Guard.required(ctx).account();
        act(ctx, a, () -> {
            switch (Optional.ofNullable(ctx.formParam("action")).orElse("")) {
                case "delete" -> live.delete(a.id(), entry, by);
                case "pin" -> live.pin(a.id(), entry, true, by);
                case "unpin" -> live.pin(a.id(), entry, false, by);
                default -> live.edit(a.id(), entry, ctx.formParam("text"), by);
            }
        });
    }

    private void act(Context ctx, Article a, Runnable action) {
        String back = "/admin/articles/" + a.id() + "/live";
        try {
            action.run();
        } catch (DeskRefused e) {
            ctx.redirect(back + "?refused=" + URLEncoder.encode(e.messageKey(), StandardCharsets.UTF_8), HttpStatus.SEE_OTHER);
            return;
        }
        ctx.redirect(back + "?done=live-saved", HttpStatus.SEE_OTHER);
    }

    private static Long media(Context ctx) {
        String raw = ArabicText.latinDigits(Optional.ofNullable(ctx.formParam("media_id")).orElse("").strip());
        if (raw.isEmpty()) return null;
        if (!Input.isId(raw)) throw new DeskRefused("bad media id " + raw, "error.media-not-found");
        return Input.id(raw);
    }

    private Article find(Context ctx) {
        String raw = ctx.pathParam("id");
        if (!Input.isId(raw)) throw new NotFound("bad article id " + raw, "error.article-not-found");
        return articles.findById(Input.id(raw)).orElseThrow(() -> new NotFound("no article " + raw, "error.article-not-found"));
    }
}
