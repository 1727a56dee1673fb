package org.nashir.article;

import org.nashir.web.Input;
import org.nashir.comment.Comment;
import org.nashir.comment.CommentStore;
import org.nashir.comment.CommentsView;
import org.nashir.media.Media;
import org.nashir.media.MediaStore;
import io.javalin.http.Context;
import org.nashir.web.NotFound;
import org.nashir.web.PageCache;
import org.nashir.web.Pager;
import org.nashir.web.Redirect;
import org.nashir.web.Site;
import org.nashir.web.Templates;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Article pages, and the tag and byline listings. */
public final class ArticleRoutes {
    private final ArticleStore articles;
    private final SectionStore sections;
    private final Site site;
    private final Templates templates;
    private final PageCache cache;
    private final MediaStore media;
    private final java.util.function.BiFunction<Long, Integer, List<Long>> related;
    private final CommentStore comments;
    private final CorrectionStore corrections;
    private final PreviewStore previews;
    private final LiveStore live;

    /** {@code related} gives the ids of articles like one article (search's More Like This), best first. */
    public ArticleRoutes(ArticleStore articles, SectionStore sections, Site site, Templates templates, PageCache cache,
                         MediaStore media, java.util.function.BiFunction<Long, Integer, List<Long>> related,
                         CommentStore comments, CorrectionStore corrections, PreviewStore previews, LiveStore live,
                         java.util.function.Function<String, Optional<TagAlias>> aliases) {
        this.aliases = aliases;
        this.live = live;
        this.previews = previews;
        this.comments = comments;
        this.corrections = corrections;
        this.media = media;
        this.related = related;
        this.articles = articles;
        this.sections = sections;
        this.site = site;
        this.templates = templates;
        this.cache = cache;
    }

    /**
     * {@code /article/{id}} and {@code /article/{id}/{slug}}. A slug that is not the article's own (an old title,
     * a typo, a truncated share) redirects to the canonical address instead of serving a duplicate page.
     */
    public void show(Context ctx) {
        long id = parseId(ctx.pathParam("id"));
        String slug = ctx.pathParamMap().get("slug");
        String reply = ctx.queryParam("reply");
        if ("pending".equals(ctx.queryParam("comment")) || (reply != null && Input.isId(reply))) {
            // After a comment, or to reply without JavaScript: the same page with the form's state, not cached.
            String notice = "pending".equals(ctx.queryParam("comment")) ? site.messages().get("comment.pending") : null;
            ctx.header("Cache-Control", "no-store").contentType("text/html; charset=utf-8").result(cache.renderOnce(ctx.path(), () -> render(id, slug,
                new CommentsView.FormState("", "", "", reply == null ? "" : reply, java.util.Map.of(), notice))));
            return;
        }
        String key = Article.path(id) + (slug == null ? "" : "/" + slug);
        cache.send(ctx, cache.get(key, () -> render(id, slug, CommentsView.FormState.EMPTY)));
    }

    /**
     * An address from the site this one replaced ({@code /?p=123}, {@code /2015/11/16/slug/}, {@code /archives/123}):
     * a 301 to the article it became, so old links and search engines' entries keep working. Returns whether it
     * answered.
     */
    public boolean redirectLegacy(Context ctx) {
        if (!ctx.method().name().equals("GET") && !ctx.method().name().equals("HEAD")) return false;
        var found = articles.findByLegacyPath(LegacyPaths.key(ctx.path(), ctx.queryString()));
        if (found.isEmpty()) return false;
        ctx.header("Cache-Control", "public, max-age=86400");
        ctx.redirect(found.get().path(), io.javalin.http.HttpStatus.MOVED_PERMANENTLY);
        return true;
    }

    /** The article page with the comment form in {@code form}'s state (errors, values); for the comment routes. */
    public byte[] render(long id, CommentsView.FormState form) {
        return render(id, null, form);
    }

    private byte[] render(long id, String slug, CommentsView.FormState form) {
        Article article = articles.findPublished(id).orElseThrow(() -> new NotFound("no published article " + id, "error.article-not-found"));
        if (slug != null && !slug.equals(article.slug())) throw new Redirect(article.path());
        return render(article, form, false);
    }

    /**
     * {@code /preview/{token}}: a draft or embargoed article shown to whoever holds a usable preview link, as readers
     * will see it; never cached, never indexed, without the comment form. Unknown, expired or revoked: 404.
     */
    public void preview(Context ctx) {
        Article article = previews.findArticle(ctx.pathParam("token"))
            .orElseThrow(() -> new NotFound("unknown, expired or revoked preview link", "preview.not-found"));
        ctx.header("Cache-Control", "no-store").header("X-Robots-Tag", "noindex, nofollow").header("Referrer-Policy", "no-referrer");
        ctx.contentType("text/html; charset=utf-8").result(render(article, CommentsView.FormState.EMPTY, true));
    }

    private byte[] render(Article article, CommentsView.FormState form, boolean preview) {
        long id = article.id();
        Section section = sections.listAll().stream().filter(s -> s.id() == article.sectionId()).findFirst().orElseThrow();
        String description = article.summary() != null && !article.summary().isBlank() ? article.summary() : firstWords(article.body());
        List<Comment> approved = comments.listApproved(id);
        long count = approved.size();
        var view = new CommentsView(CommentsView.threads(approved), count,
            site.fmt().count(count, Comment.COUNT), preview || comments.areClosed(id), form);
        List<Byline> bylines = articles.listBylines(id);
        Media featured = article.featuredMediaId() == null ? null : media.find(article.featuredMediaId()).orElse(null);
        List<CorrectionStore.Correction> notes = corrections.listFor(id);
        LiveFragment live = liveFragment(article);
        return templates.render("article/show.jte", new ArticlePage(site.frame(article.title(), description, article.path()),
            article, section, bylines, articles.listTags(id), more(article), featured, view, notes, live, writerPhotos(article, bylines),
            preview ? null : jsonLd(article, section, bylines, featured, description, notes, live), BodyHtml.forReaders(article.body(), media::srcsetFor)));
    }

    /** The photos of an opinion piece's writers (opinion shows who is speaking); none for other kinds. */
    private java.util.Map<Long, Media> writerPhotos(Article article, List<Byline> bylines) {
        java.util.Map<Long, Media> photos = new java.util.HashMap<>();
        if (article.articleKind() != ArticleKind.OPINION) return photos;
        for (Byline b : bylines) if (b.photoMediaId() != null) media.find(b.photoMediaId()).ifPresent(m -> photos.put(m.id(), m));
        return photos;
    }

    /** The live entries of an article with live coverage, with their pictures; null for any other article. */
    private LiveFragment liveFragment(Article article) {
        if (!article.isLive()) return null;
        List<LiveStore.Entry> entries = live.listFor(article.id());
        java.util.Map<Long, Media> pictures = new java.util.HashMap<>();
        for (LiveStore.Entry e : entries) if (e.mediaId() != null) media.find(e.mediaId()).ifPresent(m -> pictures.put(m.id(), m));
        return new LiveFragment(article.id(), !article.isLiveNow(), entries, pictures, site.fmt(), site.messages());
    }

    /**
     * {@code /article/{id}/live}: the entries alone, as an HTML fragment the article page fetches every few seconds
     * while coverage goes on; cached like pages (ETag, so an unchanged list costs a 304) and renewed by the change feed.
     */
    public void liveEntries(Context ctx) {
        long id = parseId(ctx.pathParam("id"));
        cache.send(ctx, cache.get(Article.path(id) + "/live", () -> {
            Article article = articles.findPublished(id).orElseThrow(() -> new NotFound("no published article " + id, "error.article-not-found"));
            LiveFragment fragment = liveFragment(article);
            if (fragment == null) throw new NotFound("article " + id + " has no live coverage", "error.article-not-found");
            return templates.render("components/live-entries.jte", fragment);
        }));
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = org.nashir.web.Json.MAPPER;

    /** How else a tag's name is written (search's list of names): its Latin form and its other Arabic spellings. */
    public record TagAlias(String latin, List<String> otherSpellings) {}

    private final java.util.function.Function<String, Optional<TagAlias>> aliases;

    /**
     * schema.org NewsArticle for search engines. Serialized by Jackson, then made safe inside a script element:
     * "</" and the line separators that end a script early are escaped.
     */
    String jsonLd(Article a, Section section, List<Byline> bylines, Media featured, String description, List<CorrectionStore.Correction> notes,
                  LiveFragment live) {
        String base = site.settings().baseUrl();
        java.util.Map<String, Object> ld = new java.util.LinkedHashMap<>();
        ld.put("@context", "https://schema.org");
        ld.put("@type", a.articleKind().schemaType());
        ld.put("headline", a.title());
        ld.put("description", description);
        ld.put("inLanguage", "ar");
        ld.put("mainEntityOfPage", base + a.path());
        ld.put("datePublished", a.publishedAt().toString());
        ld.put("dateModified", (a.updatedAt().isAfter(a.publishedAt()) ? a.updatedAt() : a.publishedAt()).toString());
        ld.put("articleSection", section.name());
        ld.put("author", bylines.stream().map(b -> java.util.Map.of("@type", b.desk() ? "Organization" : "Person", "name", b.name(),
            "url", base + b.path())).toList());
        ld.put("publisher", java.util.Map.of("@type", "Organization", "name", site.settings().siteName(),
            "logo", java.util.Map.of("@type", "ImageObject", "url", base + "/static/favicon.svg")));
        if (featured != null) ld.put("image", base + featured.srcNear(1024));
        if (a.sourceName() != null && !a.sourceName().isBlank()) {
            ld.put("isBasedOn", a.sourceUrl() != null && !a.sourceUrl().isBlank() ? a.sourceUrl()
                : java.util.Map.of("@type", "CreativeWork", "name", a.sourceName()));
        }
        List<java.util.Map<String, Object>> corrected = notes.stream().filter(CorrectionStore.Correction::isCorrection)
            .map(c -> java.util.Map.<String, Object>of("@type", "CorrectionComment", "text", c.body(), "datePublished", c.createdAt().toString())).toList();
        if (!corrected.isEmpty()) ld.put("correction", corrected);
        if (live != null) {
            // Live coverage is described as what it is: a LiveBlogPosting with its updates, newest first.
            ld.put("@type", "LiveBlogPosting");
            ld.put("coverageStartTime", a.liveStartedAt().toString());
            if (a.liveEndedAt() != null) ld.put("coverageEndTime", a.liveEndedAt().toString());
            ld.put("liveBlogUpdate", live.entries().stream().map(e -> {
                String text = org.jsoup.Jsoup.parse(e.bodyHtml()).text();
                java.util.Map<String, Object> u = new java.util.LinkedHashMap<>();
                u.put("@type", "BlogPosting");
                u.put("headline", text.length() <= 110 ? text : text.substring(0, 109) + "…");
                u.put("articleBody", text);
                u.put("datePublished", e.createdAt().toString());
                u.put("dateModified", e.updatedAt().toString());
                u.put("url", base + a.path() + "#entry-" + e.id());
                return u;
            }).toList());
        }
        try {
            return JSON.writeValueAsString(ld).replace("</", "<\\/").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON-LD for article " + a.id(), e);
        }
    }


    public void tag(Context ctx) {
        String slug = ctx.pathParam("slug");
        int number = Pager.parse(ctx.queryParam("page"));
        cache.send(ctx, cache.get(ctx.path() + "?" + number, () -> {
            Tag tag = articles.findTag(slug).orElseThrow(() -> articles.findRenamed("tag", slug)
                .<RuntimeException>map(now -> new Redirect(new Tag(0, now, "").path()))
                .orElseGet(() -> new NotFound("no tag " + slug, "error.tag-not-found")));
            org.nashir.web.Shows.record(org.nashir.web.Shows.tagList(tag.id()));
            ArticleStore.Slice slice = articles.listTagged(tag.id(), Pager.PAGE_SIZE, Pager.offset(number));
            Pager pager = Pager.of(tag.path(), number, slice.total());
            String intro = site.messages().get("tag.intro");
            String jsonLd = null;
            Optional<TagAlias> alias = aliases.apply(tag.name());
            if (alias.isPresent()) {
                // A name with other spellings: say how else it is written, and give search engines all of them.
                List<String> parts = new ArrayList<>();
                if (alias.get().latin() != null) parts.add(alias.get().latin());
                if (!alias.get().otherSpellings().isEmpty()) parts.add(site.messages().get("tag.also-written", String.join("، ", alias.get().otherSpellings())));
                intro = String.join(" · ", parts) + " — " + intro;
                Map<String, Object> about = new LinkedHashMap<>();
                about.put("@type", "Thing");
                about.put("name", tag.name());
                List<String> alternate = new ArrayList<>(alias.get().otherSpellings());
                if (alias.get().latin() != null) alternate.add(alias.get().latin());
                about.put("alternateName", alternate);
                Map<String, Object> ld = new LinkedHashMap<>();
                ld.put("@context", "https://schema.org");
                ld.put("@type", "CollectionPage");
                ld.put("name", tag.name());
                ld.put("url", site.settings().baseUrl() + pager.href(number));
                ld.put("about", about);
                try {
                    jsonLd = JSON.writeValueAsString(ld).replace("</", "<\\/");
                } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                    throw new IllegalStateException("cannot write JSON-LD for tag " + tag.slug(), e);
                }
            }
            return templates.render("listing.jte", new ListingPage(site.frame(tag.name(), site.messages().get("tag.description", tag.name()), pager.href(number)),
                tag.name(), intro, List.of(), List.of(), slice.items(), pager, jsonLd));
        }));
    }

    public void byline(Context ctx) {
        String slug = ctx.pathParam("slug");
        int number = Pager.parse(ctx.queryParam("page"));
        cache.send(ctx, cache.get(ctx.path() + "?" + number, () -> {
            Byline byline = articles.findByline(slug).orElseThrow(() -> articles.findRenamed("author", slug)
                .<RuntimeException>map(now -> new Redirect(new Byline(0, now, "", false, null, null).path()))
                .orElseGet(() -> new NotFound("no byline " + slug, "error.author-not-found")));
            org.nashir.web.Shows.record(org.nashir.web.Shows.authorList(byline.id()));
            ArticleStore.Slice slice = articles.listBylined(byline.id(), Pager.PAGE_SIZE, Pager.offset(number));
            Pager pager = Pager.of(byline.path(), number, slice.total());
            String intro = byline.bio() != null && !byline.bio().isBlank() ? byline.bio()
                : site.messages().get(byline.desk() ? "author.intro-desk" : "author.intro");
            return templates.render("listing.jte", new ListingPage(site.frame(byline.name(), site.messages().get("author.description", byline.name()), pager.href(number)),
                byline.name(), intro, List.of(), slice.items(), pager));
        }));
    }

    /** Related articles by content; the latest of the same section when the index knows none yet. */
    private List<Teaser> more(Article article) {
        List<Teaser> found = articles.listTeasers(related.apply(article.id(), 5));
        return found.isEmpty() ? articles.listAlsoInSection(article, 5) : found;
    }

    static long parseId(String raw) {
        long id = Input.id(raw);
        if (id < 0) throw new NotFound("bad article id " + raw, "error.article-not-found");
        return id;
    }

    /** The meta description of an article without a summary: its first words, cut at a word. */
    static String firstWords(String html) {
        String text = org.jsoup.Jsoup.parse(html).text();
        if (text.length() <= 160) return text;
        int cut = text.lastIndexOf(' ', 157);
        return text.substring(0, cut > 80 ? cut : 157) + "…";
    }
}
