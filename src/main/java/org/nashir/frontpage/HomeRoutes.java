package org.nashir.frontpage;

import org.nashir.web.PageCache;
import org.nashir.web.Templates;
import org.nashir.web.Site;
import io.javalin.http.Context;
import org.nashir.article.ArticleStore;
import org.nashir.article.Section;
import org.nashir.article.SectionStore;
import org.nashir.views.ViewStore;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The front page: the latest news, a block per section, and what readers read most today and this week. It shows
 * articles and reads counts, so it sits above both the article and the views features.
 */
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
}
