package org.nashir.article;

import io.javalin.http.Context;
import org.nashir.web.NotFound;
import org.nashir.web.PageCache;
import org.nashir.web.Pager;
import org.nashir.web.Site;
import org.nashir.web.Templates;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Date archives: {@code /archive/2015}, {@code /archive/2015/11}, {@code /archive/2015/11/16}, in the site's time
 * zone. Anything that is not a real date (month 13, 31 November, letters, year 99999) is a 404.
 */
public final class ArchiveRoutes {
    private final ArticleStore articles;
    private final Site site;
    private final Templates templates;
    private final PageCache cache;

    public ArchiveRoutes(ArticleStore articles, Site site, Templates templates, PageCache cache) {
        this.articles = articles;
        this.site = site;
        this.templates = templates;
        this.cache = cache;
    }

    public void year(Context ctx) {
        int year = number(ctx.pathParam("year"), 4);
        LocalDate from = date(year, 1, 1);
        List<ListingPage.Link> months = new ArrayList<>();
        for (int m = 1; m <= 12; m++) months.add(new ListingPage.Link("/archive/" + year + "/" + pad(m), site.fmt().month(year, m)));
        render(ctx, from, from.plusYears(1), site.fmt().number(year), months);
    }

    public void month(Context ctx) {
        int year = number(ctx.pathParam("year"), 4);
        int month = number(ctx.pathParam("month"), 2);
        LocalDate from = date(year, month, 1);
        List<ListingPage.Link> days = new ArrayList<>();
        for (LocalDate d = from; d.getMonthValue() == month; d = d.plusDays(1)) {
            days.add(new ListingPage.Link("/archive/" + year + "/" + pad(month) + "/" + pad(d.getDayOfMonth()), site.fmt().number(d.getDayOfMonth())));
        }
        render(ctx, from, from.plusMonths(1), site.fmt().month(year, month), days);
    }

    public void day(Context ctx) {
        LocalDate from = date(number(ctx.pathParam("year"), 4), number(ctx.pathParam("month"), 2), number(ctx.pathParam("day"), 2));
        render(ctx, from, from.plusDays(1), site.fmt().date(from), List.of(
            new ListingPage.Link("/archive/" + from.getYear() + "/" + pad(from.getMonthValue()), site.fmt().month(from.getYear(), from.getMonthValue()))));
    }

    private void render(Context ctx, LocalDate from, LocalDate to, String period, List<ListingPage.Link> links) {
        int number = Pager.parse(ctx.queryParam("page"));
        ZoneId zone = site.fmt().zone();
        Instant start = from.atStartOfDay(zone).toInstant();
        Instant end = to.atStartOfDay(zone).toInstant();
        cache.send(ctx, cache.get(ctx.path() + "?" + number, () -> {
            org.nashir.web.Shows.record(org.nashir.web.Shows.LIST_ALL);
            ArticleStore.Slice slice = articles.listPublishedBetween(start, end, Pager.PAGE_SIZE, Pager.offset(number));
            Pager pager = Pager.of(ctx.path(), number, slice.total());
            String heading = site.messages().get("archive.heading", period);
            String intro = slice.total() == 0 ? site.messages().get("archive.empty") : null;
            return templates.render("listing.jte", new ListingPage(site.frame(heading, site.messages().get("archive.description", period), pager.href(number)),
                heading, intro, links, slice.items(), pager));
        }));
    }

    private static int number(String raw, int maxDigits) {
        if (!raw.matches("[0-9]{1," + maxDigits + "}")) throw new NotFound("bad archive date part " + raw, "error.archive-date");
        return Integer.parseInt(raw);
    }

    private static LocalDate date(int year, int month, int day) {
        if (year < 1900 || year > 2200) throw new NotFound("archive year out of range " + year, "error.archive-date");
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            throw new NotFound("not a date " + year + "-" + month + "-" + day, "error.archive-date");
        }
    }

    private static String pad(int n) {
        return n < 10 ? "0" + n : Integer.toString(n);
    }

    /** {@code /latest}: every article, newest first, paginated. */
    public void latest(Context ctx) {
        int number = Pager.parse(ctx.queryParam("page"));
        cache.send(ctx, cache.get("/latest?" + number, () -> {
            org.nashir.web.Shows.record(org.nashir.web.Shows.LIST_ALL);
            ArticleStore.Slice slice = articles.listLatest(Pager.PAGE_SIZE, Pager.offset(number));
            Pager pager = Pager.of("/latest", number, slice.total());
            String heading = site.messages().get("latest.heading");
            return templates.render("listing.jte", new ListingPage(site.frame(heading, null, pager.href(number)), heading, null, List.of(), slice.items(), pager));
        }));
    }
}
