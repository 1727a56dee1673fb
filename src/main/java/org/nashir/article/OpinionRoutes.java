package org.nashir.article;

import io.javalin.http.Context;
import org.nashir.media.Media;
import org.nashir.media.MediaStore;
import org.nashir.web.Frame;
import org.nashir.web.PageCache;
import org.nashir.web.Site;
import org.nashir.web.Templates;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@code /opinion}: the columnists (كتّاب الرأي), each with their photo, bio and latest piece; opinion kept apart from news. */
public final class OpinionRoutes {
    public record OpinionPage(Frame frame, List<ArticleStore.Columnist> columnists, Map<Long, Media> photos) {}

    private final ArticleStore articles;
    private final MediaStore media;
    private final Site site;
    private final Templates templates;
    private final PageCache cache;

    public OpinionRoutes(ArticleStore articles, MediaStore media, Site site, Templates templates, PageCache cache) {
        this.articles = articles;
        this.media = media;
        this.site = site;
        this.templates = templates;
        this.cache = cache;
    }

    public void columnists(Context ctx) {
        cache.send(ctx, cache.get("/opinion", () -> {
            org.nashir.web.Shows.record(org.nashir.web.Shows.LIST_ALL);
            List<ArticleStore.Columnist> columnists = articles.listColumnists(60);
            Map<Long, Media> photos = new HashMap<>();
            for (ArticleStore.Columnist c : columnists) {
                Long photo = c.byline().photoMediaId();
                if (photo != null) media.find(photo).ifPresent(m -> photos.put(m.id(), m));
            }
            String heading = site.messages().get("opinion.heading");
            return templates.render("opinion.jte", new OpinionPage(site.frame(heading, site.messages().get("opinion.description"), "/opinion"), columnists, photos));
        }));
    }
}
