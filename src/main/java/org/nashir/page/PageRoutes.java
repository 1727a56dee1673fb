package org.nashir.page;

import org.nashir.web.Input;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import org.nashir.account.AdminFrame;
import org.nashir.account.Guard;
import org.nashir.arabic.ArabicText;
import org.nashir.article.LegacyPaths;
import org.nashir.web.Frame;
import org.nashir.web.NotFound;
import org.nashir.web.PageCache;
import org.nashir.web.Site;
import org.nashir.web.Templates;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Static pages: {@code /page/{slug}} for readers (cached), and writing them in the back office (editors). */
public final class PageRoutes {
    /** A static page; {@code body} is its body as readers get it. */
    public record PublicPage(Frame frame, PageStore.Page page, String body) {}

    public record PagesPage(AdminFrame frame, List<PageStore.Page> pages) {}

    public record PageEditor(AdminFrame frame, Long id, PageStore.PageForm form, List<PageStore.Page> parents, Map<String, String> errors,
                             String error, String publicPath, int revisions, List<org.nashir.article.EditorPages.Picture> pictures) {
        public String message(String field) {
            String key = errors.get(field);
            return key == null ? null : frame.t().get(key);
        }
    }

    private final PageStore pages;
    private final Site site;
    private final Templates templates;
    private final PageCache cache;
    private final java.util.function.Supplier<List<org.nashir.article.EditorPages.Picture>> pictures;
    private final java.util.function.Function<String, java.util.Optional<String>> srcsets;

    public PageRoutes(PageStore pages, Site site, Templates templates, PageCache cache,
                      java.util.function.Supplier<List<org.nashir.article.EditorPages.Picture>> pictures,
                      java.util.function.Function<String, java.util.Optional<String>> srcsets) {
        this.pages = pages;
        this.srcsets = srcsets;
        this.pictures = pictures;
        this.site = site;
        this.templates = templates;
        this.cache = cache;
    }

    /** {@code /page/{slug}} and {@code /page/{parent}/{slug}}. */
    public void show(Context ctx) {
        String parent = ctx.pathParamMap().containsKey("parent") ? ctx.pathParam("parent") : null;
        String slug = ctx.pathParam("slug");
        cache.send(ctx, cache.get(ctx.path(), () -> {
            PageStore.Page page = pages.findPublished(parent, slug).orElseThrow(() -> new NotFound("no page " + ctx.path(), "error.page-not-found"));
            org.nashir.web.Shows.record(org.nashir.web.Shows.page(page.id()));
            String description = org.jsoup.Jsoup.parse(page.body()).text();
            if (description.length() > 160) description = description.substring(0, 159) + "…";
            return templates.render("page.jte", new PublicPage(site.frame(page.title(), description, page.path()), page,
                org.nashir.article.BodyHtml.forReaders(page.body(), srcsets)));
        }));
    }

    /** An address a page had on the old site: a 301 to the page. Returns whether it answered. */
    public boolean redirectLegacy(Context ctx) {
        if (!ctx.method().name().equals("GET") && !ctx.method().name().equals("HEAD")) return false;
        var found = pages.findByLegacyPath(LegacyPaths.key(ctx.path(), ctx.queryString()));
        if (found.isEmpty()) return false;
        ctx.header("Cache-Control", "public, max-age=86400");
        ctx.redirect(found.get().path(), HttpStatus.MOVED_PERMANENTLY);
        return true;
    }

    /** {@code GET /admin/pages}. */
    public void list(Context ctx) {
        templates.send(ctx, 200, "admin/pages.jte", new PagesPage(AdminFrame.of(site, ctx, site.messages().get("admin.pages"), "pages"), pages.listAll()));
    }

    /** {@code GET /admin/pages/new}. */
    public void newForm(Context ctx) {
        editor(ctx, 200, null, new PageStore.PageForm("", "", 0, PageStore.DRAFT, 0), Map.of(), null);
    }

    /** {@code GET /admin/pages/{id}}. */
    public void edit(Context ctx) {
        PageStore.Page p = find(ctx);
        editor(ctx, 200, p.id(), new PageStore.PageForm(p.title(), p.body(), p.parentId() == null ? 0 : p.parentId(), p.status(), p.version()), Map.of(), null);
    }

    /** {@code POST /admin/pages} (new) and {@code POST /admin/pages/{id}}. */
    public void save(Context ctx) {
        Long id = ctx.pathParamMap().containsKey("id") ? find(ctx).id() : null;
        String rawParent = ArabicText.latinDigits(Optional.ofNullable(ctx.formParam("parent_id")).orElse("0").strip());
        String rawVersion = Optional.ofNullable(ctx.formParam("version")).orElse("0").strip();
        PageStore.PageForm form = new PageStore.PageForm(param(ctx, "title"), param(ctx, "body"),
            rawParent.equals("0") ? 0 : Input.isId(rawParent) ? Input.id(rawParent) : -1, param(ctx, "status"), rawVersion.matches("[0-9]{1,9}") ? Integer.parseInt(rawVersion) : -1);
        Map<String, String> errors = form.check();
        if (!errors.isEmpty()) {
            editor(ctx, 422, id, form, errors, null);
            return;
        }
        long saved;
        try {
            saved = pages.save(id, form, Guard.required(ctx).account());
        } catch (PageStore.Refused e) {
            editor(ctx, e.messageKey().equals("page.error.stale") ? 409 : 422, id, form, Map.of(), site.messages().get(e.messageKey()));
            return;
        }
        ctx.redirect("/admin/pages/" + saved + "?done=page-saved", HttpStatus.SEE_OTHER);
    }

    private void editor(Context ctx, int status, Long id, PageStore.PageForm form, Map<String, String> errors, String error) {
        List<PageStore.Page> parents = pages.listAll().stream().filter(p -> p.parentId() == null && (id == null || p.id() != id)).toList();
        String title = id == null ? site.messages().get("page.new") : form.title();
        String publicPath = id == null ? null : pages.findById(id).filter(PageStore.Page::published).map(PageStore.Page::path).orElse(null);
        templates.send(ctx, status, "admin/page-editor.jte", new PageEditor(AdminFrame.of(site, ctx, title, "pages"), id, form, parents, errors,
            error, publicPath, id == null ? 0 : pages.countRevisions(id), pictures.get()));
    }

    private PageStore.Page find(Context ctx) {
        String raw = ctx.pathParam("id");
        if (!Input.isId(raw)) throw new NotFound("bad page id " + raw, "error.page-not-found");
        return pages.findById(Input.id(raw)).orElseThrow(() -> new NotFound("no page " + raw, "error.page-not-found"));
    }

    private static String param(Context ctx, String name) {
        String v = ctx.formParam(name);
        return v == null ? "" : v.replace("\r\n", "\n");
    }
}
