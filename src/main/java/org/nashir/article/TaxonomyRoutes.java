package org.nashir.article;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import org.jdbi.v3.core.Jdbi;
import org.nashir.site.AdminFrame;
import org.nashir.site.NotFound;
import org.nashir.site.Site;
import org.nashir.site.Templates;
import org.nashir.storage.ChangeFeed;

import java.util.List;
import java.util.Optional;

/** Tags (rename, merge) and bylines (rename, bio, desk, photo) in the back office. */
public final class TaxonomyRoutes {
    public record TagsPage(AdminFrame frame, List<ArticleStore.TagUse> tags, String error) {}

    public record BylinesPage(AdminFrame frame, List<Byline> bylines, List<EditorPages.Picture> pictures, String error) {}

    private final Jdbi jdbi;
    private final ArticleStore articles;
    private final ChangeFeed changes;
    private final java.util.function.Supplier<List<EditorPages.Picture>> pictures;
    private final Site site;
    private final Templates templates;

    public TaxonomyRoutes(Jdbi jdbi, ArticleStore articles, ChangeFeed changes, java.util.function.Supplier<List<EditorPages.Picture>> pictures,
                          Site site, Templates templates) {
        this.jdbi = jdbi;
        this.articles = articles;
        this.changes = changes;
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
        if (name.isEmpty() || !jdbi.inTransaction(h -> Names.rename(h, changes, "tag", id, name.get()))) {
            renderTags(ctx, 422, "الاسم فارغ أو مستخدم لوسم آخر.");
            return;
        }
        changes.poll();
        ctx.redirect("/admin/tags?done=tag-saved", HttpStatus.SEE_OTHER);
    }

    /** Moves every article of the selected tags to the target tag; the merged tags' addresses redirect to it. */
    public void mergeTags(Context ctx) {
        String rawTarget = Optional.ofNullable(ctx.formParam("target")).orElse("");
        List<String> sources = ctx.formParams("merge");
        if (!rawTarget.matches("[0-9]{1,18}") || sources.isEmpty() || sources.stream().anyMatch(s -> !s.matches("[0-9]{1,18}"))) {
            renderTags(ctx, 422, "اختر الوسوم التي تُدمج والوسم الذي تُدمج فيه.");
            return;
        }
        long target = Long.parseLong(rawTarget);
        jdbi.useTransaction(h -> {
            if (h.createQuery("SELECT COUNT(*) FROM tag WHERE id = :id").bind("id", target).mapTo(Integer.class).one() == 0) {
                throw new NotFound("no tag " + target, "error.tag-not-found");
            }
            for (String raw : sources) {
                long source = Long.parseLong(raw);
                if (source == target) continue;
                Optional<String> slug = h.createQuery("SELECT slug FROM tag WHERE id = :id").bind("id", source).mapTo(String.class).findOne();
                if (slug.isEmpty()) continue;
                h.createUpdate("""
                        INSERT INTO article_tag (article_id, tag_id)
                        SELECT at.article_id, :target FROM article_tag at
                        WHERE at.tag_id = :source AND NOT EXISTS (SELECT 1 FROM article_tag x WHERE x.article_id = at.article_id AND x.tag_id = :target)""")
                    .bind("target", target).bind("source", source).execute();
                h.createUpdate("DELETE FROM article_tag WHERE tag_id = :source").bind("source", source).execute();
                h.createUpdate("UPDATE slug_redirect SET target = :target WHERE kind = 'tag' AND target = :source").bind("target", target).bind("source", source).execute();
                h.createUpdate("DELETE FROM tag WHERE id = :source").bind("source", source).execute();
                Names.rememberOldSlug(h, "tag", slug.get(), target);
                changes.append(h, "tag.merged", "tag", target);
            }
        });
        changes.poll();
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
        if (name.isEmpty() || bio.length() > 1000 || !(photo.isEmpty() || photo.matches("[0-9]{1,18}"))) {
            renderBylines(ctx, 422, "الاسم مطلوب، والنبذة حتى 1000 حرف.");
            return;
        }
        boolean ok = jdbi.inTransaction(h -> {
            if (!Names.rename(h, changes, "author", id, name.get())) return false;
            if (!photo.isEmpty() && h.createQuery("SELECT COUNT(*) FROM media WHERE id = :id").bind("id", Long.parseLong(photo)).mapTo(Integer.class).one() == 0) {
                return false;
            }
            h.createUpdate("UPDATE author SET bio = :bio, is_desk = :desk, photo_media_id = :photo WHERE id = :id")
                .bind("bio", bio.isEmpty() ? null : bio).bind("desk", ctx.formParam("desk") != null)
                .bind("photo", photo.isEmpty() ? null : Long.parseLong(photo)).bind("id", id).execute();
            return true;
        });
        if (!ok) {
            renderBylines(ctx, 422, "الاسم مستخدم لكاتب آخر، أو الصورة غير موجودة.");
            return;
        }
        changes.poll();
        ctx.redirect("/admin/bylines?done=byline-saved", HttpStatus.SEE_OTHER);
    }

    private static Optional<String> name(Context ctx) {
        String name = Optional.ofNullable(ctx.formParam("name")).orElse("").strip();
        return name.isEmpty() || name.length() > 100 || org.nashir.arabic.Slug.of(name).isEmpty() ? Optional.empty() : Optional.of(name);
    }

    private long id(Context ctx, String table) {
        String raw = ctx.pathParam("id");
        if (!raw.matches("[0-9]{1,18}")) throw new NotFound("bad id " + raw, "error.page-not-found");
        long id = Long.parseLong(raw);
        if (jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM " + table + " WHERE id = :id").bind("id", id).mapTo(Integer.class).one()) == 0) {
            throw new NotFound("no " + table + " " + id, "error.page-not-found");
        }
        return id;
    }

    private void renderTags(Context ctx, int status, String error) {
        templates.send(ctx, status, "admin/tags.jte",
            new TagsPage(site.adminFrame(ctx, site.messages().get("admin.tags"), "tags"), articles.listTagUse(), error));
    }

    private void renderBylines(Context ctx, int status, String error) {
        templates.send(ctx, status, "admin/bylines.jte",
            new BylinesPage(site.adminFrame(ctx, site.messages().get("admin.bylines"), "bylines"), articles.listBylines(), pictures.get(), error));
    }
}
