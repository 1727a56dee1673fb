package org.nashir.article;

import org.nashir.web.Input;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import org.nashir.account.AdminFrame;
import org.nashir.arabic.Slug;
import org.nashir.web.NotFound;
import org.nashir.web.Site;
import org.nashir.web.Templates;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** Tags (rename, merge) and bylines (rename, bio, desk, photo) in the back office. */
public final class TaxonomyRoutes {
    public record TagsPage(AdminFrame frame, List<ArticleStore.TagUse> tags, String error) {}

    public record BylinesPage(AdminFrame frame, List<Byline> bylines, List<EditorPages.Picture> pictures, String error) {}

    private final TaxonomyStore taxonomy;
    private final ArticleStore articles;
    private final Supplier<List<EditorPages.Picture>> pictures;
    private final Site site;
    private final Templates templates;

    public TaxonomyRoutes(TaxonomyStore taxonomy, ArticleStore articles, Supplier<List<EditorPages.Picture>> pictures, Site site, Templates templates) {
        this.taxonomy = taxonomy;
        this.articles = articles;
        this.pictures = pictures;
        this.site = site;
        this.templates = templates;
    }

    public void tags(Context ctx) {
        renderTags(ctx, 200, null);
    }

    public void renameTag(Context ctx) {
        long id = id(ctx, "tag");
        Optional<String> name = name(ctx);
        if (name.isEmpty() || !taxonomy.renameTag(id, name.get())) {
            renderTags(ctx, 422, "الاسم فارغ أو مستخدم لوسم آخر.");
            return;
        }
        ctx.redirect("/admin/tags?done=tag-saved", HttpStatus.SEE_OTHER);
    }

    /** Moves every article of the selected tags to the target tag; the merged tags' addresses redirect to it. */
    public void mergeTags(Context ctx) {
        String rawTarget = Optional.ofNullable(ctx.formParam("target")).orElse("");
        List<String> sources = ctx.formParams("merge");
        if (!Input.isId(rawTarget) || sources.isEmpty() || sources.stream().anyMatch(s -> !Input.isId(s))) {
            renderTags(ctx, 422, "اختر الوسوم التي تُدمج والوسم الذي تُدمج فيه.");
            return;
        }
        taxonomy.mergeTags(Input.id(rawTarget), sources.stream().map(Input::id).toList());
        ctx.redirect("/admin/tags?done=tags-merged", HttpStatus.SEE_OTHER);
    }

    public void bylines(Context ctx) {
        renderBylines(ctx, 200, null);
    }

    public void saveByline(Context ctx) {
        long id = id(ctx, "author");
        Optional<String> name = name(ctx);
        String bio = Optional.ofNullable(ctx.formParam("bio")).orElse("").replace("\r\n", "\n").strip();
        String photo = Optional.ofNullable(ctx.formParam("photo_media_id")).orElse("");
        if (name.isEmpty() || bio.length() > 1000 || !(photo.isEmpty() || Input.isId(photo))) {
            renderBylines(ctx, 422, "الاسم مطلوب، والنبذة حتى 1000 حرف.");
            return;
        }
        if (!taxonomy.saveByline(id, name.get(), bio, ctx.formParam("desk") != null, photo.isEmpty() ? null : Input.id(photo))) {
            renderBylines(ctx, 422, "الاسم مستخدم لكاتب آخر، أو الصورة غير موجودة.");
            return;
        }
        ctx.redirect("/admin/bylines?done=byline-saved", HttpStatus.SEE_OTHER);
    }

    private static Optional<String> name(Context ctx) {
        String name = Optional.ofNullable(ctx.formParam("name")).orElse("").strip();
        return name.isEmpty() || name.length() > 100 || Slug.of(name).isEmpty() ? Optional.empty() : Optional.of(name);
    }

    private long id(Context ctx, String table) {
        String raw = ctx.pathParam("id");
        if (!Input.isId(raw)) throw new NotFound("bad id " + raw, "error.page-not-found");
        long id = Input.id(raw);
        if (!taxonomy.exists(table, id)) {
            throw new NotFound("no " + table + " " + id, "error.page-not-found");
        }
        return id;
    }

    private void renderTags(Context ctx, int status, String error) {
        templates.send(ctx, status, "admin/tags.jte",
            new TagsPage(AdminFrame.of(site, ctx, site.messages().get("admin.tags"), "tags"), articles.listTagUse(), error));
    }

    private void renderBylines(Context ctx, int status, String error) {
        templates.send(ctx, status, "admin/bylines.jte",
            new BylinesPage(AdminFrame.of(site, ctx, site.messages().get("admin.bylines"), "bylines"), articles.listBylines(), pictures.get(), error));
    }
}
