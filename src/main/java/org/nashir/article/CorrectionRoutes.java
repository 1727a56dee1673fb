package org.nashir.article;

import io.javalin.http.Context;
import org.nashir.web.Frame;
import org.nashir.web.PageCache;
import org.nashir.web.Pager;
import org.nashir.web.Site;
import org.nashir.web.Templates;

/** {@code /corrections}: every public correction and update note, newest first, each with its article. */
public final class CorrectionRoutes {
    public record CorrectionsPage(Frame frame, CorrectionStore.Listing listing, Pager pager) {}

    private final CorrectionStore corrections;
    private final Site site;
    private final Templates templates;
    private final PageCache cache;

    public CorrectionRoutes(CorrectionStore corrections, Site site, Templates templates, PageCache cache) {
        this.corrections = corrections;
        this.site = site;
        this.templates = templates;
        this.cache = cache;
    }

    public void list(Context ctx) {
        int number = Pager.parse(ctx.queryParam("page"));
        cache.send(ctx, cache.get("/corrections?" + number, () -> {
            org.nashir.web.Shows.record(org.nashir.web.Shows.CORRECTIONS);
            CorrectionStore.Listing listing = corrections.listLatest(Pager.PAGE_SIZE, Pager.offset(number));
            Pager pager = Pager.of("/corrections", number, listing.total());
            String heading = site.messages().get("correction.page");
            return templates.render("corrections.jte", new CorrectionsPage(site.frame(heading, site.messages().get("correction.page-intro"),
                pager.href(number)), listing, pager));
        }));
    }
}
