package org.nashir.feed;

import org.nashir.arabic.CleanText;
import org.nashir.media.MediaStore;
import org.nashir.config.Settings;
import com.rometools.rome.feed.synd.SyndCategoryImpl;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.io.FeedException;
import io.javalin.http.Context;
import org.nashir.article.ArticleStore;
import org.nashir.article.Byline;
import org.nashir.article.Tag;
import org.nashir.article.Teaser;
import org.nashir.article.TickerStore;
import org.nashir.page.PageStore;
import org.nashir.article.Section;
import org.nashir.article.SectionStore;
import org.nashir.web.NotFound;
import org.nashir.web.PageCache;
import org.nashir.web.Shows;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Feeds (RSS 2.0, Atom, JSON Feed 1.1) for the site and for each section, tag and byline, and the sitemaps: an
 * index, pages of at most 50,000 articles, and a Google News sitemap of the last 48 hours. All go through the page
 * cache (ETag, 304) and are emptied by the change feed like pages.
 */
public final class FeedRoutes {
    static final int ITEMS = 30;
    /** The category and tag of an item on the عاجل ticker. */
    static final String URGENT = "عاجل";
    static final int SITEMAP_PAGE = 50_000;

    private final ArticleStore articles;
    private final SectionStore sections;
    private final Settings settings;
    private final PageCache cache;
    private final Clock clock;

    private final MediaStore media;
    private final TickerStore ticker;
    private final PageStore staticPages;

    public FeedRoutes(ArticleStore articles, SectionStore sections, MediaStore media, TickerStore ticker, PageStore staticPages, Settings settings,
                      PageCache cache, Clock clock) {
        this.media = media;
        this.ticker = ticker;
        this.staticPages = staticPages;
        this.articles = articles;
        this.sections = sections;
        this.settings = settings;
        this.cache = cache;
        this.clock = clock;
    }

    /** {@code /feed.xml}, {@code /atom.xml}, {@code /feed.json}, and the same under /section/…, /tag/…, /author/…. */
    public void feed(Context ctx) {
        String path = ctx.path();
        String format = path.endsWith(".json") ? "json" : path.endsWith("atom.xml") ? "atom" : "rss";
        String type = format.equals("json") ? "application/feed+json; charset=utf-8"
            : format.equals("atom") ? "application/atom+xml; charset=utf-8" : "application/rss+xml; charset=utf-8";
        cache.send(ctx, cache.get(path, () -> {
            Scope scope = scope(ctx);
            return format.equals("json") ? jsonFeed(scope, path) : xmlFeed(scope, format.equals("atom") ? "atom_1.0" : "rss_2.0");
        }), type);
    }

    /** What a feed covers: its title, its page, and its articles. */
    record Scope(String title, String path, List<Teaser> items) {}

    private Scope scope(Context ctx) {
        Map<String, String> params = ctx.pathParamMap();
        String slug = params.get("slug");
        if (slug == null) {
            Shows.record(Shows.LIST_ALL);
            return new Scope(settings.siteName(), "/", articles.listLatest(ITEMS, 0).items());
        }
        if (ctx.path().startsWith("/section/")) {
            Section s = sections.findBySlug(slug).orElseThrow(() -> new NotFound("no section " + slug, "error.section-not-found"));
            Shows.record(Shows.sectionList(s.id()));
            return new Scope(settings.siteName() + " — " + s.name(), s.path(), articles.listInSection(s.id(), ITEMS, 0).items());
        }
        if (ctx.path().startsWith("/tag/")) {
            Tag t = articles.findTag(slug).orElseThrow(() -> new NotFound("no tag " + slug, "error.tag-not-found"));
            Shows.record(Shows.tagList(t.id()));
            return new Scope(settings.siteName() + " — " + t.name(), t.path(), articles.listTagged(t.id(), ITEMS, 0).items());
        }
        Byline b = articles.findByline(slug).orElseThrow(() -> new NotFound("no byline " + slug, "error.author-not-found"));
        Shows.record(Shows.authorList(b.id()));
        return new Scope(settings.siteName() + " — " + b.name(), b.path(), articles.listBylined(b.id(), ITEMS, 0).items());
    }

    /** A feed entry's parts beyond the teaser: the update time, bylines, body (when feeds carry it) and image. */
    record Item(Teaser teaser, java.time.Instant updated, String summary, List<String> bylines, String bodyHtml, Image image, boolean urgent) {}

    /** A featured image as an enclosure: the 1024 px rendition (or the nearest), its type and size. */
    record Image(String src, String type, long bytes) {}

    private List<Item> items(Scope scope) {
        List<Item> out = new ArrayList<>();
        java.util.Set<Long> urgent = ticker.listUrgentArticleIds();
        for (Teaser t : scope.items()) {
            var a = articles.findPublished(t.id());
            if (a.isEmpty()) continue;
            var article = a.get();
            String summary = t.summary() != null && !t.summary().isBlank() ? t.summary() : t.title();
            Image image = null;
            if (article.featuredMediaId() != null) {
                var m = media.find(article.featuredMediaId());
                if (m.isPresent()) {
                    int width = m.get().renditionWidths().stream().filter(w -> w >= 1024).findFirst().orElse(m.get().renditionWidths().getLast());
                    image = new Image(m.get().src(width), m.get().mime(), media.renditionBytes(m.get(), width));
                }
            }
            out.add(new Item(t, article.updatedAt(), summary, articles.listBylines(t.id()).stream().map(Byline::name).toList(),
                settings.feedFullContent() ? article.body() : null, image, urgent.contains(t.id())));
        }
        return out;
    }

    private byte[] xmlFeed(Scope scope, String type) {
        String base = settings.baseUrl();
        SyndFeed feed = new SyndFeedImpl();
        feed.setFeedType(type);
        feed.setTitle(x(scope.title()));
        feed.setLink(base + scope.path());
        feed.setUri(base + scope.path());
        feed.setDescription(x(settings.siteDescription()));
        feed.setLanguage("ar");
        feed.setPublishedDate(scope.items().isEmpty() ? Date.from(clock.instant()) : Date.from(scope.items().getFirst().publishedAt()));
        List<SyndEntry> entries = new ArrayList<>();
        for (Item item : items(scope)) {
            Teaser t = item.teaser();
            SyndEntry e = new SyndEntryImpl();
            e.setTitle(x(t.title()));
            e.setLink(base + t.href());
            e.setUri(base + "/article/" + t.id());
            e.setPublishedDate(Date.from(t.publishedAt()));
            e.setUpdatedDate(Date.from(item.updated()));
            SyndContentImpl description = new SyndContentImpl();
            description.setType("text/plain");
            description.setValue(x(item.summary()));
            e.setDescription(description);
            if (item.bodyHtml() != null) {
                SyndContentImpl content = new SyndContentImpl();
                content.setType("html");
                content.setValue(x(item.bodyHtml()));
                e.setContents(List.of(content));
            }
            if (!item.bylines().isEmpty()) {
                e.setAuthor(x(String.join("، ", item.bylines())));
                List<com.rometools.rome.feed.synd.SyndPerson> people = new ArrayList<>();
                for (String name : item.bylines()) {
                    var person = new com.rometools.rome.feed.synd.SyndPersonImpl();
                    person.setName(x(name));
                    people.add(person);
                }
                e.setAuthors(people);
            }
            if (item.image() != null) {
                var enclosure = new com.rometools.rome.feed.synd.SyndEnclosureImpl();
                enclosure.setUrl(base + item.image().src());
                enclosure.setType(item.image().type());
                enclosure.setLength(item.image().bytes());
                e.setEnclosures(List.of(enclosure));
            }
            SyndCategoryImpl category = new SyndCategoryImpl();
            category.setName(x(t.sectionName()));
            if (item.urgent()) {
                // Breaking news, marked as the desk marked it: a category readers' apps can filter on.
                SyndCategoryImpl urgentCategory = new SyndCategoryImpl();
                urgentCategory.setName(URGENT);
                urgentCategory.setTaxonomyUri(base + "/#urgent");
                e.setCategories(List.of(urgentCategory, category));
            } else {
                e.setCategories(List.of(category));
            }
            entries.add(e);
        }
        feed.setEntries(entries);
        try {
            String xml = new com.rometools.rome.io.SyndFeedOutput().outputString(feed, true);
            // Rome writes an Atom feed's language only as dc:language; Atom readers look for xml:lang on the feed element.
            if (type.startsWith("atom")) xml = xml.replaceFirst("<feed xmlns=\"http://www.w3.org/2005/Atom\"", "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"ar\"");
            return xml.getBytes(StandardCharsets.UTF_8);
        } catch (FeedException e) {
            throw new IllegalStateException("cannot write the " + type + " feed for " + scope.path(), e);
        }
    }

    private byte[] jsonFeed(Scope scope, String feedPath) {
        String base = settings.baseUrl();
        Map<String, Object> feed = new LinkedHashMap<>();
        feed.put("version", "https://jsonfeed.org/version/1.1");
        feed.put("title", scope.title());
        feed.put("home_page_url", base + scope.path());
        feed.put("feed_url", base + feedPath);
        feed.put("description", settings.siteDescription());
        feed.put("language", "ar");
        feed.put("items", items(scope).stream().map(i -> {
            Teaser t = i.teaser();
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("id", base + "/article/" + t.id());
            item.put("url", base + t.href());
            item.put("title", t.title());
            if (i.bodyHtml() != null) item.put("content_html", i.bodyHtml());
            else item.put("content_text", i.summary());
            item.put("summary", i.summary());
            if (i.image() != null) item.put("image", base + i.image().src());
            item.put("date_published", t.publishedAt().toString());
            item.put("date_modified", i.updated().toString());
            if (!i.bylines().isEmpty()) item.put("authors", i.bylines().stream().map(n -> Map.of("name", n)).toList());
            item.put("tags", i.urgent() ? List.of(URGENT, t.sectionName()) : List.of(t.sectionName()));
            if (i.urgent()) item.put("_nashir", Map.of("urgent", true));
            return item;
        }).toList());
        try {
            return org.nashir.web.Json.MAPPER.writeValueAsBytes(feed);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the JSON feed for " + scope.path(), e);
        }
    }

    /** {@code /sitemap.xml}: the index of the paged article sitemaps, the sections and the news sitemap. */
    public void sitemapIndex(Context ctx) {
        cache.send(ctx, cache.get("/sitemap.xml", () -> {
            Shows.record(Shows.LIST_ALL);
            long total = articles.listLatest(1, 0).total();
            StringBuilder x = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
            x.append(loc("sitemap", settings.baseUrl() + "/sitemap-pages.xml"));
            x.append(loc("sitemap", settings.baseUrl() + "/sitemap-news.xml"));
            for (long page = 1; page <= Math.max(1, (total + SITEMAP_PAGE - 1) / SITEMAP_PAGE); page++) {
                x.append(loc("sitemap", settings.baseUrl() + "/sitemap-articles-" + page + ".xml"));
            }
            return x.append("</sitemapindex>\n").toString().getBytes(StandardCharsets.UTF_8);
        }), "application/xml; charset=utf-8");
    }

    public void sitemapPages(Context ctx) {
        cache.send(ctx, cache.get("/sitemap-pages.xml", () -> {
            Shows.record(Shows.PAGES, Shows.NAV);
            StringBuilder x = urlset(false);
            x.append(loc("url", settings.baseUrl() + "/"));
            for (Section s : sections.listAll()) x.append(loc("url", settings.baseUrl() + s.path()));
            for (PageStore.Page p : staticPages.listPublished()) x.append(loc("url", settings.baseUrl() + p.path()));
            return x.append("</urlset>\n").toString().getBytes(StandardCharsets.UTF_8);
        }), "application/xml; charset=utf-8");
    }

    public void sitemapArticles(Context ctx) {
        String raw = ctx.pathParam("page");
        if (!raw.matches("[0-9]{1,6}")) throw new NotFound("bad sitemap page " + raw, "error.page-not-found");
        int page = Integer.parseInt(raw);
        cache.send(ctx, cache.get(ctx.path(), () -> {
            Shows.record(Shows.LIST_ALL);
            List<ArticleStore.Located> items = articles.listLocated(SITEMAP_PAGE, (page - 1) * SITEMAP_PAGE);
            if (items.isEmpty() && page > 1) throw new NotFound("sitemap page " + page + " is past the end", "error.page-not-found");
            StringBuilder x = urlset(false);
            for (ArticleStore.Located a : items) {
                x.append("<url><loc>").append(escape(settings.baseUrl() + a.path())).append("</loc><lastmod>")
                    .append((a.updatedAt().isAfter(a.publishedAt()) ? a.updatedAt() : a.publishedAt()).toString()).append("</lastmod></url>\n");
            }
            return x.append("</urlset>\n").toString().getBytes(StandardCharsets.UTF_8);
        }), "application/xml; charset=utf-8");
    }

    /** Google News sitemap: articles of the last 48 hours, at most 1,000. */
    public void sitemapNews(Context ctx) {
        cache.send(ctx, cache.get("/sitemap-news.xml", () -> {
            Shows.record(Shows.LIST_ALL);
            StringBuilder x = urlset(true);
            for (ArticleStore.Located a : articles.listLocatedSince(clock.instant().minus(Duration.ofHours(48)), 1_000)) {
                x.append("<url><loc>").append(escape(settings.baseUrl() + a.path())).append("</loc><news:news><news:publication><news:name>")
                    .append(escape(settings.siteName())).append("</news:name><news:language>ar</news:language></news:publication>")
                    .append("<news:publication_date>").append(a.publishedAt().toString()).append("</news:publication_date><news:title>")
                    .append(escape(a.title())).append("</news:title></news:news></url>\n");
            }
            return x.append("</urlset>\n").toString().getBytes(StandardCharsets.UTF_8);
        }), "application/xml; charset=utf-8");
    }

    /** robots.txt, naming the sitemap at the site's public address. */
    public void robots(Context ctx) {
        ctx.contentType("text/plain; charset=utf-8").result("User-agent: *\nDisallow: /admin/\nDisallow: /views/\nDisallow: /comments/\n\nSitemap: "
            + settings.baseUrl() + "/sitemap.xml\n");
    }

    private static StringBuilder urlset(boolean news) {
        return new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\""
            + (news ? " xmlns:news=\"http://www.google.com/schemas/sitemap-news/0.9\"" : "") + ">\n");
    }

    private static String loc(String element, String url) {
        return "<" + element + "><loc>" + escape(url) + "</loc></" + element + ">\n";
    }

    /**
     * Text for a feed, without what XML cannot hold: stored text is cleaned on the way in (CleanText), but one
     * character that slipped past (an old row, a future path) must not take every feed down.
     */
    private static String x(String s) {
        return CleanText.xmlSafe(s);
    }

    static String escape(String s) {
        return CleanText.xmlSafe(s).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&apos;");
    }
}
