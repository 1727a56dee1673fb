package org.nashir.article;

import org.nashir.web.Input;
import org.nashir.arabic.ArabicText;
import org.nashir.arabic.Slug;
import org.nashir.comment.CommentsView;
import org.nashir.media.Media;
import org.nashir.account.AdminFrame;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import org.nashir.account.Account;
import org.nashir.account.Role;
import org.nashir.web.Forbidden;
import org.nashir.account.Guard;
import org.nashir.web.NotFound;
import org.nashir.web.Site;
import org.nashir.web.Templates;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Optional;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** The back office's article pages: list, editor, preview, revisions, restore, delete. */
public final class EditorRoutes {
    private final ArticleStore articles;
    private final RevisionStore revisions;
    private final SectionStore sections;
    private final Editing editing;
    private final Supplier<List<EditorPages.Picture>> pictures;
    private final java.util.function.Function<String, Media> featured;
    private final java.util.function.Function<String, java.util.Optional<String>> srcsets;
    private final Site site;
    private final Templates templates;
    private final Clock clock;
    private final CorrectionStore corrections;
    private final PreviewStore previews;
    private final ArticleFinder finder;

    public EditorRoutes(ArticleStore articles, RevisionStore revisions, SectionStore sections, Editing editing, CorrectionStore corrections,
                        PreviewStore previews, ArticleFinder finder,
                        Supplier<List<EditorPages.Picture>> pictures, java.util.function.Function<String, Media> featured,
                        java.util.function.Function<String, java.util.Optional<String>> srcsets, Site site, Templates templates, Clock clock) {
        this.featured = featured;
        this.srcsets = srcsets;
        this.corrections = corrections;
        this.previews = previews;
        this.finder = finder;
        this.articles = articles;
        this.revisions = revisions;
        this.sections = sections;
        this.editing = editing;
        this.pictures = pictures;
        this.site = site;
        this.templates = templates;
        this.clock = clock;
    }

    /**
     * {@code GET /admin/articles?q=&status=&section=&author=&kind=&from=&to=&sort=&page=}: the newsroom's articles,
     * found and filtered ({@link ArticleFinder}); writers see only their own. A filter that cannot be read is named in
     * a notice and left out, never a 500.
     */
    public void list(Context ctx) {
        Account me = Guard.required(ctx).account();
        List<String> unreadable = new ArrayList<>();
        String q = param(ctx, "q");
        String status = param(ctx, "status");
        if (!status.isEmpty() && !List.of(Article.DRAFT, Article.REVIEW, Article.SCHEDULED, Article.PUBLISHED, Article.ARCHIVED).contains(status)) {
            unreadable.add(status);
            status = "";
        }
        Long section = id(param(ctx, "section"), unreadable);
        Long author = me.role() == Role.WRITER ? Long.valueOf(me.id()) : id(param(ctx, "author"), unreadable);
        String kind = param(ctx, "kind");
        if (!kind.isEmpty() && java.util.Arrays.stream(ArticleKind.values()).noneMatch(k -> k.code().equals(kind))) {
            unreadable.add(kind);
        }
        Instant from = day(param(ctx, "from"), 0, unreadable), to = day(param(ctx, "to"), 1, unreadable);
        ArticleFinder.Sort sort = ArticleFinder.Sort.UPDATED;
        for (ArticleFinder.Sort s : ArticleFinder.Sort.values()) if (s.name().equalsIgnoreCase(param(ctx, "sort"))) sort = s;
        String rawPage = param(ctx, "page");
        int page = rawPage.matches("[0-9]{1,5}") ? Math.max(1, Integer.parseInt(rawPage)) : 1;
        boolean kindOk = !kind.isEmpty() && !unreadable.contains(kind);
        ArticleFinder.Filter filter = new ArticleFinder.Filter(q, status.isEmpty() ? null : status, section, author, kindOk ? kind : null, from, to, sort, page);
        ArticleFinder.Found found = finder.find(filter);
        int pages = (int) Math.max(1, (found.total() + ArticleFinder.PAGE_SIZE - 1) / ArticleFinder.PAGE_SIZE);
        List<String> kept = new ArrayList<>();
        for (String k : List.of("q", "status", "section", "author", "kind", "from", "to", "sort")) {
            if (!param(ctx, k).isEmpty()) kept.add(k + "=" + java.net.URLEncoder.encode(param(ctx, k), java.nio.charset.StandardCharsets.UTF_8));
        }
        String base = "/admin/articles" + (kept.isEmpty() ? "" : "?" + String.join("&", kept));
        String notice = unreadable.isEmpty() ? null : site.messages().get("admin.articles.unreadable", String.join("، ", unreadable));
        templates.send(ctx, 200, "admin/articles.jte", new EditorPages.ListPage(AdminFrame.of(site, ctx, site.messages().get("admin.articles"), "articles"),
            found.rows(), found.total(), q, status, param(ctx, "section"), me.role() == Role.WRITER ? "" : param(ctx, "author"), kindOk ? kind : "",
            param(ctx, "from"), param(ctx, "to"), sort.name().toLowerCase(java.util.Locale.ROOT), sections.listAll(),
            me.role() == Role.WRITER ? List.of() : finder.authors(), new org.nashir.web.Pager(base, Math.min(page, pages), pages), notice));
    }

    private static String param(Context ctx, String name) {
        String v = ctx.queryParam(name);
        return v == null ? "" : v.strip();
    }

    private static Long id(String raw, List<String> unreadable) {
        if (raw.isEmpty()) return null;
        if (Input.isId(raw)) return Input.id(raw);
        unreadable.add(raw);
        return null;
    }

    /** The start of a day typed as yyyy-mm-dd (Arabic-Indic digits too), plus {@code days}; null when empty or unreadable. */
    private Instant day(String raw, int days, List<String> unreadable) {
        if (raw.isEmpty()) return null;
        try {
            return Input.date(raw).plusDays(days).atStartOfDay(site.fmt().zone()).toInstant();
        } catch (Input.Invalid e) {
            unreadable.add(raw);
            return null;
        }
    }

    public void newForm(Context ctx) {
        List<Section> all = sections.listAll();
        editor(ctx, 200, null, ArticleForm.empty(all.isEmpty() ? 0 : all.getFirst().id()), Map.of(), Article.DRAFT, "new");
    }

    public void create(Context ctx) {
        Account me = Guard.required(ctx).account();
        ArticleForm form = ArticleForm.from(ctx);
        var errors = form.check(site.fmt().zone(), clock.instant());
        if (!errors.isEmpty()) {
            editor(ctx, 422, null, form, errors, Article.DRAFT, "new");
            return;
        }
        Editing.Saved saved = editing.create(form.toCommand(site.fmt().zone()), me);
        ctx.redirect("/admin/articles/" + saved.id() + "?done=" + notice(form.action()), HttpStatus.SEE_OTHER);
    }

    public void edit(Context ctx) {
        Article a = find(ctx);
        mayEdit(ctx, a);
        editor(ctx, 200, a.id(), ArticleForm.of(a, articles.listBylines(a.id()), articles.listTags(a.id()), site.fmt().zone()), Map.of(), a.status(), "articles");
    }

    public void save(Context ctx) {
        Article a = find(ctx);
        mayEdit(ctx, a);
        Account me = Guard.required(ctx).account();
        ArticleForm form = ArticleForm.from(ctx);
        var errors = form.check(site.fmt().zone(), clock.instant());
        if (!errors.isEmpty()) {
            editor(ctx, 422, a.id(), form, errors, a.status(), "articles");
            return;
        }
        try {
            editing.update(a.id(), form.toCommand(site.fmt().zone()), me);
        } catch (Editing.StaleEdit stale) {
            Revision theirs = revisions.find(a.id(), stale.current.version()).orElseThrow();
            Revision yours = new Revision(a.id(), -1, form.title(), form.kicker(), form.summary(), BodyHtml.sanitize(form.body()), null, null, null,
                0, "", "", "", null, me.name(), clock.instant());
            templates.send(ctx, 409, "admin/conflict.jte", new EditorPages.ConflictPage(AdminFrame.of(site, ctx, site.messages().get("conflict.title"), "articles"),
                a.id(), form, theirs, WordDiff.between(yours.text(), theirs.text())));
            return;
        }
        ctx.redirect("/admin/articles/" + a.id() + "?done=" + notice(form.action()), HttpStatus.SEE_OTHER);
    }

    /** The unsaved form rendered with the public article template, as readers would see it. */
    public void preview(Context ctx) {
        ArticleForm form = ArticleForm.from(ctx);
        long sectionId = Input.isId(form.sectionId()) ? Input.id(form.sectionId()) : -1;
        Section section = sections.listAll().stream().filter(s -> s.id() == sectionId).findFirst()
            .orElse(new Section(0, "", "", 0));
        java.time.Instant at = form.publishAt(site.fmt().zone()).orElse(clock.instant());
        Article draft = new Article(0, "", form.title(), ArticleForm.blankToNull(form.kicker()), ArticleForm.blankToNull(form.summary()),
            BodyHtml.sanitize(form.body()), ArticleForm.blankToNull(form.sourceName()), ArticleForm.blankToNull(form.sourceUrl()),
            ArticleForm.blankToNull(form.label()), section.id(), Article.DRAFT, at, at, at, 0, 0, null, null, null, null, ArticleKind.of(form.kind()).code(), null, null);
        List<Byline> bylines = ArticleForm.names(form.bylines()).stream().map(n -> new Byline(0, Slug.of(n), n, Byline.looksLikeDesk(n), null, null)).toList();
        List<Tag> tags = ArticleForm.names(form.tags()).stream().map(n -> new Tag(0, Slug.of(n), n)).toList();
        ctx.header("X-Robots-Tag", "noindex");
        templates.send(ctx, 200, "article/show.jte", new ArticlePage(site.frame(form.title(), form.summary(), "/admin/articles/preview"),
            draft, section, bylines, tags, List.of(), featured.apply(form.featuredMediaId()),
            new CommentsView(List.of(), 0, "", true, CommentsView.FormState.EMPTY), List.of(), null, Map.of(), null,
            BodyHtml.forReaders(draft.body(), srcsets)));
    }

    public void revisionList(Context ctx) {
        Article a = find(ctx);
        mayEdit(ctx, a);
        templates.send(ctx, 200, "admin/revisions.jte", new EditorPages.RevisionsPage(
            AdminFrame.of(site, ctx, site.messages().get("revisions.title", a.title()), "articles"), a, revisions.listFor(a.id())));
    }

    public void compare(Context ctx) {
        Article a = find(ctx);
        mayEdit(ctx, a);
        Revision old = revision(ctx, a);
        Revision current = revisions.find(a.id(), a.version()).orElse(old);
        templates.send(ctx, 200, "admin/compare.jte", new EditorPages.ComparePage(
            AdminFrame.of(site, ctx, site.messages().get("revisions.compare-title", site.fmt().number(old.version()), site.fmt().number(a.version())), "articles"),
            a, old, WordDiff.between(old.text(), current.text())));
    }

    public void restore(Context ctx) {
        Article a = find(ctx);
        mayEdit(ctx, a);
        Revision old = revision(ctx, a);
        editing.restore(a.id(), old.version(), Guard.required(ctx).account());
        ctx.redirect("/admin/articles/" + a.id() + "?done=restored", HttpStatus.SEE_OTHER);
    }

    public void delete(Context ctx) {
        Article a = find(ctx);
        editing.delete(a.id(), Guard.required(ctx).account());
        ctx.redirect("/admin/articles?done=deleted", HttpStatus.SEE_OTHER);
    }

    private void editor(Context ctx, int status, Long id, ArticleForm form, Map<String, ArticleCommand.Problem> errors, String articleStatus, String active) {
        editor(ctx, status, id, form, errors, articleStatus, active, null);
    }

    /** {@code newPreview}: a preview link just made, shown this once. */
    private void editor(Context ctx, int status, Long id, ArticleForm form, Map<String, ArticleCommand.Problem> errors, String articleStatus, String active,
                        String newPreview) {
        Account me = Guard.required(ctx).account();
        String title = id == null ? site.messages().get("admin.new-article") : form.title();
        templates.send(ctx, status, "admin/editor.jte", new EditorPages.EditPage(AdminFrame.of(site, ctx, title, active), id, form, errors,
            sections.listAll(), pictures.get(), articles.listTagNames(), articleStatus, me.role().canPublish(), id == null ? null : Article.path(id),
            id == null ? List.of() : corrections.listFor(id), refusal(ctx), id == null ? List.of() : previews.listFor(id), newPreview));
    }

    /** The Arabic reason a desk action on this article was refused ({@code ?refused=KEY}), shown once. */
    private String refusal(Context ctx) {
        String key = ctx.queryParam("refused");
        return key != null && key.matches("[a-z.-]{1,60}") && site.messages().has(key) ? site.messages().get(key) : null;
    }

    /** {@code POST /admin/articles/{id}/previews}: a private link for {@code days} (2 by default), shown once. */
    public void createPreview(Context ctx) {
        Article a = find(ctx);
        String raw = ArabicText.latinDigits(Optional.ofNullable(ctx.formParam("days")).orElse("").strip());
        Duration lifetime = raw.isEmpty() ? PreviewStore.DEFAULT_LIFETIME : raw.matches("[0-9]{1,2}") ? Duration.ofDays(Integer.parseInt(raw)) : Duration.ZERO;
        String path;
        try {
            path = previews.create(a.id(), lifetime, Guard.required(ctx).account());
        } catch (DeskRefused e) {
            ctx.redirect("/admin/articles/" + a.id() + "?refused=" + e.messageKey() + "#corrections", HttpStatus.SEE_OTHER);
            return;
        }
        ctx.header("Cache-Control", "no-store");
        editor(ctx, 200, a.id(), ArticleForm.of(a, articles.listBylines(a.id()), articles.listTags(a.id()), site.fmt().zone()), Map.of(), a.status(),
            "articles", site.settings().baseUrl() + path);
    }

    /** {@code POST /admin/articles/{id}/previews/{link}/revoke}. */
    public void revokePreview(Context ctx) {
        Article a = find(ctx);
        String raw = ctx.pathParam("link");
        if (!Input.isId(raw) || !previews.revoke(a.id(), Input.id(raw), Guard.required(ctx).account())) {
            throw new NotFound("no preview link " + raw + " on " + a.id(), "preview.not-found");
        }
        ctx.redirect("/admin/articles/" + a.id() + "?done=preview-revoked#previews", HttpStatus.SEE_OTHER);
    }

    private Article find(Context ctx) {
        String raw = ctx.pathParam("id");
        if (!Input.isId(raw)) throw new NotFound("bad article id " + raw, "error.article-not-found");
        return articles.findById(Input.id(raw)).orElseThrow(() -> new NotFound("no article " + raw, "error.article-not-found"));
    }

    private Revision revision(Context ctx, Article a) {
        String raw = ctx.pathParam("version");
        if (!raw.matches("[0-9]{1,9}")) throw new NotFound("bad version " + raw, "error.article-not-found");
        return revisions.find(a.id(), Integer.parseInt(raw)).orElseThrow(() -> new NotFound("no version " + raw, "error.article-not-found"));
    }

    /** Writers open only their own drafts and submissions; editors and admins open everything. */
    private static void mayEdit(Context ctx, Article a) {
        Account me = Guard.required(ctx).account();
        // Someone else's article is answered as a missing one: a 403 would tell a writer which ids hold drafts.
        if (!Editing.mayOpen(a, me)) {
            throw new NotFound(me.email() + " opened article " + a.id() + " of another", "error.article-not-found");
        }
        if (me.role() == Role.WRITER && !List.of(Article.DRAFT, Article.REVIEW).contains(a.status())) {
            throw new Forbidden(me.email() + " may not open article " + a.id(), "editor.writer-own");
        }
    }

    private static String notice(String action) {
        return switch (action) {
            case "submit" -> "submitted";
            case "publish" -> "published";
            case "schedule" -> "scheduled";
            case "unpublish" -> "unpublished";
            case "archive" -> "archived";
            default -> "saved";
        };
    }

    private void html(Context ctx, int status, String template, Object page) {
        templates.send(ctx, status, template, page);
    }
}
