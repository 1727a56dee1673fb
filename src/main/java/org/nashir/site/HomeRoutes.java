package org.nashir.site;

import io.javalin.http.Context;
import org.nashir.article.ArticleStore;
import org.nashir.section.Section;
import org.nashir.section.SectionStore;
import org.nashir.views.ViewStore;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

public final class HomeRoutes {
    private final ArticleStore articles;
    private final SectionStore sections;
    private final ViewStore views;
    private final Site site;
    private final Templates templates;
    private final PageCache cache;

    public HomeRoutes(ArticleStore articles, SectionStore sections, ViewStore views, Site site, Templates templates, PageCache cache) {
        this.articles = articles;
        this.sections = sections;
        this.views = views;
        this.site = site;
        this.templates = templates;
        this.cache = cache;
    }

    public void home(Context ctx) {
        cache.send(ctx, cache.get("/", () -> {
            List<HomePage.Block> blocks = new ArrayList<>();
            for (Section s : sections.listAll()) {
                var items = articles.listInSection(s.id(), 4, 0).items();
                if (!items.isEmpty()) blocks.add(new HomePage.Block(s, items));
            }
            return templates.render("home.jte", new HomePage(site.frame("", null, "/"), articles.listLatest(7, 0).items(), blocks,
                views.listMostRead(Duration.ofHours(24), 5), views.listMostRead(Duration.ofDays(7), 5)));
        }));
    }

    /** {@code /latest}: every article, newest first, paginated. */
    public void latest(Context ctx) {
        int number = Pager.parse(ctx.queryParam("page"));
        cache.send(ctx, cache.get("/latest?" + number, () -> {
            ArticleStore.Slice slice = articles.listLatest(Pager.PAGE_SIZE, Pager.offset(number));
            Pager pager = Pager.of("/latest", number, slice.total());
            String heading = site.messages().get("latest.heading");
            return templates.render("listing.jte", new ListingPage(site.frame(heading, null, pager.href(number)), heading, null, List.of(), slice.items(), pager));
        }));
    }
}
