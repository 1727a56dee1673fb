package org.nashir.search;

import org.nashir.web.Input;
import org.nashir.arabic.ArabicText;
import org.nashir.web.TooManyRequests;
import org.nashir.web.RateLimit;
import io.javalin.http.Context;
import org.nashir.article.Teaser;
import org.nashir.article.Section;
import org.nashir.article.SectionStore;
import org.nashir.web.ApiError;
import org.nashir.web.Frame;
import org.nashir.web.Pager;
import org.nashir.web.Site;
import org.nashir.web.Templates;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The search page {@code /search?q=}, the JSON API {@code /api/v1/search} and its suggestions while typing. */
public final class SearchRoutes {
    /** A result as the page shows it: the article's teaser and its snippet (HTML with {@code <mark>}, already escaped). */
    public record Result(Teaser teaser, String snippetHtml) {}

    public record SearchPage(Frame frame, String q, String section, String author, String from, String to, String sort,
                             long total, boolean atLeast, List<Result> results, Pager pager, List<Section> sections, String notice, String didYouMean) {}

    /** A request's filters after checking; {@code error} is a message key when one was unusable. */
    record Request(SearchQuery query, Searching.Options options, String error, String errorValue) {}

    static final int PAGE_SIZE = 10;
    static final int MAX_OFFSET = 1_000;

    private final Searching searching;
    private final Suggesting suggesting;
    private final SearchStats stats;
    private final RateLimit limit;
    private final RateLimit suggestLimit;
    private final SectionStore sections;
    private final Site site;
    private final Templates templates;

    public SearchRoutes(Searching searching, SearchStats stats, Suggesting suggesting, RateLimit limit, RateLimit suggestLimit, SectionStore sections, Site site, Templates templates) {
        this.suggesting = suggesting;
        this.stats = stats;
        this.suggestLimit = suggestLimit;
        this.limit = limit;
        this.searching = searching;
        this.sections = sections;
        this.site = site;
        this.templates = templates;
    }

    public void page(Context ctx) {
        if (!limit.allow(ctx.ip())) {
            ctx.header("Retry-After", Long.toString(limit.retryAfterSeconds()));
            throw new TooManyRequests("search flood from " + ctx.ip());
        }
        int number = pageNumber(ctx.queryParam("page"));
        Request r = read(ctx, (number - 1) * PAGE_SIZE, PAGE_SIZE);
        String q = param(ctx, "q");
        String notice = r.error() != null ? site.messages().get(r.error(), r.errorValue())
            : r.query().truncated() ? site.messages().get("search.truncated", site.fmt().number(SearchQuery.MAX_WORDS)) : null;
        long total = 0;
        boolean atLeast = false;
        List<Result> results = List.of();
        if (r.error() == null && !r.query().isEmpty()) {
            Searching.Result found = searching.search(r.query(), r.options());
            total = found.total();
            atLeast = found.atLeast();
            results = results(found);
            if (number == 1) stats.record(q, total);
        }
        String didYouMean = r.error() == null && total < Searching.TYPO_RETRY_BELOW ? searching.didYouMean(r.query()).orElse(null) : null;
        StringBuilder base = new StringBuilder("/search?q=").append(enc(q));
        for (String k : List.of("section", "author", "from", "to", "sort")) if (!param(ctx, k).isEmpty()) base.append('&').append(k).append('=').append(enc(param(ctx, k)));
        int pages = (int) Math.max(1, Math.min((total + PAGE_SIZE - 1) / PAGE_SIZE, MAX_OFFSET / PAGE_SIZE));
        Pager pager = new Pager(base.toString(), Math.min(number, pages), pages);
        String title = q.isBlank() ? site.messages().get("search.title") : site.messages().get("search.title-for", q);
        ctx.header("Cache-Control", "no-store").header("X-Robots-Tag", "noindex");
        // A filter that cannot be read: the form again with what was wrong, as a 400 (nothing was searched).
        templates.send(ctx, r.error() != null ? 400 : 200, "search.jte", new SearchPage(
            site.frame(title, site.messages().get("search.description"), "/search"), q, param(ctx, "section"), param(ctx, "author"),
            param(ctx, "from"), param(ctx, "to"), param(ctx, "sort"), total, atLeast, results, pager, sections.listAll(), notice, didYouMean));
    }

    /** {@code GET /api/v1/search}: JSON results, or a JSON error with a stable code; never a 500 for what a client sends. */
    public void api(Context ctx) {
        if (!this.limit.allow(ctx.ip())) {
            ctx.header("Retry-After", Long.toString(this.limit.retryAfterSeconds()));
            throw new ApiError(429, "rate_limited", "too many searches from this address; try again in a minute", site.messages().get("error.429.message"));
        }
        int limit = intParam(ctx, "limit", 10);
        int offset = intParam(ctx, "offset", 0);
        if (limit < 1 || limit > 50) {
            throw new ApiError(400, "bad_limit", "limit must be between 1 and 50", site.messages().get("search.error.limit"));
        }
        if (offset < 0 || offset > MAX_OFFSET) {
            throw new ApiError(400, "bad_offset", "offset must be between 0 and " + MAX_OFFSET, site.messages().get("search.error.offset"));
        }
        Request r = read(ctx, offset, limit);
        if (r.error() != null) {
            throw new ApiError(400, "bad_" + r.error().substring(r.error().lastIndexOf('.') + 1), "invalid parameter: " + r.errorValue(), site.messages().get(r.error(), r.errorValue()));
        }
        if (r.query().isEmpty()) {
            throw new ApiError(400, "missing_query", "q is required", site.messages().get("search.error.empty"));
        }
        Searching.Result found = searching.search(r.query(), r.options());
        if (offset == 0) stats.record(ctx.queryParam("q"), found.total());
        List<Map<String, Object>> items = new ArrayList<>();
        for (Result res : results(found)) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("id", res.teaser().id());
            item.put("title", res.teaser().title());
            item.put("url", site.settings().baseUrl() + res.teaser().href());
            item.put("published", res.teaser().publishedAt().toString());
            item.put("section", res.teaser().sectionName());
            item.put("snippet", res.snippetHtml());
            items.add(item);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("total", found.total());
        out.put("total_is_lower_bound", found.atLeast());
        out.put("items", items);
        if (found.total() < Searching.TYPO_RETRY_BELOW) searching.didYouMean(r.query()).ifPresent(d -> out.put("did_you_mean", d));
        ctx.header("Cache-Control", "no-store").json(out);
    }

    /**
     * {@code GET /api/v1/search/suggest?q=}: up to eight suggestions for what is being typed (sections, tags, titles
     * of recent articles), as {@code {"q", "items": [{"kind", "text", "url"}]}}; cacheable for a minute, since the
     * same few letters are typed by many.
     */
    public void suggest(Context ctx) {
        if (!suggestLimit.allow(ctx.ip())) {
            ctx.header("Retry-After", Long.toString(suggestLimit.retryAfterSeconds()));
            throw new ApiError(429, "rate_limited", "too many suggestions asked from this address; try again in a minute", site.messages().get("error.429.message"));
        }
        String raw = ctx.queryParam("q");
        if (raw == null || raw.isBlank()) throw new ApiError(400, "missing_query", "q is required", site.messages().get("search.error.empty"));
        String q = SearchQuery.clean(raw).strip();
        if (q.length() > Suggesting.MAX_CHARS) {
            throw new ApiError(400, "query_too_long", "q is longer than " + Suggesting.MAX_CHARS + " characters",
                site.messages().get("search.error.suggest-too-long", site.fmt().number(Suggesting.MAX_CHARS)));
        }
        List<Map<String, Object>> items = new ArrayList<>();
        for (Suggesting.Suggestion sg : suggesting.suggest(q)) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("kind", sg.kind().name().toLowerCase(java.util.Locale.ROOT));
            item.put("text", sg.text());
            item.put("url", site.settings().baseUrl() + sg.path());
            items.add(item);
        }
        ctx.header("Cache-Control", "public, max-age=60").json(Map.of("q", q, "items", items));
    }

    /** Results straight from the index, which the change feed keeps to visible articles only. */
    private static List<Result> results(Searching.Result found) {
        return found.hits().stream().map(h -> new Result(h.teaser(), h.snippetHtml())).toList();
    }

    private Request read(Context ctx, int offset, int limit) {
        SearchQuery query = SearchQuery.parse(ctx.queryParam("q"));
        String section = blankToNull(param(ctx, "section"));
        String author = blankToNull(param(ctx, "author"));
        Instant from = null, to = null;
        String rawFrom = param(ctx, "from"), rawTo = param(ctx, "to");
        try {
            LocalDate day = Input.date(rawFrom);
            if (day != null) from = day.atStartOfDay(site.fmt().zone()).toInstant();
        } catch (Input.Invalid e) {
            return new Request(query, null, "search.error.date", rawFrom);
        }
        try {
            LocalDate day = Input.date(rawTo);
            if (day != null) to = day.plusDays(1).atStartOfDay(site.fmt().zone()).toInstant();
        } catch (Input.Invalid e) {
            return new Request(query, null, "search.error.date", rawTo);
        }
        String sort = param(ctx, "sort");
        if (!sort.isEmpty() && !sort.equals("relevance") && !sort.equals("newest")) return new Request(query, null, "search.error.sort", sort);
        return new Request(query, new Searching.Options(section, author, from, to, sort.equals("newest"), offset, limit), null, null);
    }


    private static int pageNumber(String raw) {
        if (raw == null || !raw.matches("[0-9]{1,4}")) return 1;
        return Math.max(1, Math.min(Integer.parseInt(raw), MAX_OFFSET / PAGE_SIZE));
    }

    private static int intParam(Context ctx, String name, int dflt) {
        String raw = ctx.queryParam(name);
        if (raw == null || raw.isEmpty()) return dflt;
        return raw.matches("-?[0-9]{1,6}") ? Integer.parseInt(raw) : -1;
    }

    private static String param(Context ctx, String name) {
        String v = ctx.queryParam(name);
        return v == null ? "" : v.strip();
    }

    private static String blankToNull(String s) {
        return s.isEmpty() ? null : s;
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }
}
