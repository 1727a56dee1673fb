package org.nashir.frontpage;

import org.nashir.web.PageCache;
import org.nashir.web.Templates;
import org.nashir.web.Site;
import io.javalin.http.Context;
import org.nashir.article.Article;
import org.nashir.article.ArticleStore;
import org.nashir.article.PinStore;
import org.nashir.article.Teaser;
import org.nashir.media.Media;
import org.nashir.media.MediaStore;
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
    private final PinStore pins;
    private final MediaStore media;
    private final Site site;
    private final Templates templates;
    private final PageCache cache;

    public HomeRoutes(ArticleStore articles, SectionStore sections, ViewStore views, PinStore pins, MediaStore media, Site site, Templates templates,
                      PageCache cache) {
        this.pins = pins;
        this.media = media;
        this.articles = articles;
        this.sections = sections;
        this.views = views;
        this.site = site;
        this.templates = templates;
        this.cache = cache;
    }

    /** The lead story's picture, when it has one. */
    private Media leadImage(Teaser lead) {
        if (lead == null) return null;
        return articles.findPublished(lead.id()).map(Article::featuredMediaId).flatMap(media::find).orElse(null);
    }

    public void home(Context ctx) {
        cache.send(ctx, cache.get("/", () -> {
            org.nashir.web.Shows.record(org.nashir.web.Shows.LIST_ALL, org.nashir.web.Shows.pins(0));
            List<HomePage.Block> blocks = new ArrayList<>();
            for (Section s : sections.listAll()) {
                var items = articles.listTopInSection(s.id(), 4);
                if (!items.isEmpty()) blocks.add(new HomePage.Block(s, items));
            }
            PinStore.Pinned pinned = pins.listVisible(PinStore.HOME);
            // The latest list leaves out what the desk already put above it.
            List<Teaser> latest = articles.listLatest(7 + 7, 0).items().stream().filter(t -> !pinned.shows(t.id())).limit(7).toList();
            return templates.render("home.jte", new HomePage(site.frame("", null, "/"), pinned.lead(), leadImage(pinned.lead()), pinned.pinned(),
                latest, blocks, views.listMostRead(Duration.ofHours(24), 5), views.listMostRead(Duration.ofDays(7), 5)));
        }));
    }
}
