package org.nashir.search;

import io.javalin.http.Context;
import org.nashir.account.AdminFrame;
import org.nashir.web.Site;
import org.nashir.web.Templates;

import java.util.List;

/** {@code GET /admin/searches}: what readers searched for and what found nothing, over the last day and week. */
public final class SearchStatsRoutes {
    static final int LINES = 25;

    public record StatsPage(AdminFrame frame, List<SearchStats.Line> topDay, List<SearchStats.Line> emptyDay,
                            List<SearchStats.Line> topWeek, List<SearchStats.Line> emptyWeek) {}

    private final SearchStats stats;
    private final Site site;
    private final Templates templates;

    public SearchStatsRoutes(SearchStats stats, Site site, Templates templates) {
        this.stats = stats;
        this.site = site;
        this.templates = templates;
    }

    public void show(Context ctx) {
        // Counts of the last few seconds are still in memory: written first, so the page is current.
        stats.flush();
        templates.send(ctx, 200, "admin/searches.jte", new StatsPage(AdminFrame.of(site, ctx, site.messages().get("admin.searches"), "searches"),
            stats.top(1, LINES), stats.unanswered(1, LINES), stats.top(7, LINES), stats.unanswered(7, LINES)));
    }
}
