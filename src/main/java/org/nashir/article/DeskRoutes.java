package org.nashir.article;

import org.nashir.web.Input;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import org.nashir.account.Account;
import org.nashir.account.AdminFrame;
import org.nashir.account.Guard;
import org.nashir.arabic.ArabicText;
import org.nashir.web.NotFound;
import org.nashir.web.Site;
import org.nashir.web.Templates;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The desk (الواجهة) in the back office: the lead and pinned stories of the home page and of each section page,
 * the عاجل ticker, and public corrections on articles. Forms work without JavaScript; a refused action re-shows
 * the page with the reason in Arabic and status 422.
 */
public final class DeskRoutes {
    /** A page the desk arranges: the home page or a section's. */
    public record Scope(String value, String name) {}

    public record DeskPage(AdminFrame frame, List<Scope> scopes, Scope scope, List<PinStore.Pin> pins, List<TickerStore.Line> ticker,
                           List<Teaser> recent, int maxPinned, long defaultHours, String error) {}

    private final PinStore pins;
    private final TickerStore ticker;
    private final CorrectionStore corrections;
    private final ArticleStore articles;
    private final SectionStore sections;
    private final Site site;
    private final Templates templates;
    private final Clock clock;

    public DeskRoutes(PinStore pins, TickerStore ticker, CorrectionStore corrections, ArticleStore articles, SectionStore sections,
                      Site site, Templates templates, Clock clock) {
        this.clock = clock;
        this.pins = pins;
        this.ticker = ticker;
        this.corrections = corrections;
        this.articles = articles;
        this.sections = sections;
        this.site = site;
        this.templates = templates;
    }

    /** {@code GET /admin/desk?scope=home|section:ID}. */
    public void show(Context ctx) {
        render(ctx, 200, scope(ctx.queryParam("scope")), null);
    }

    /** {@code POST /admin/desk/pins}: pin an article on a page, as its lead or after the pinned ones. */
    public void pin(Context ctx) {
        Scope scope = scope(ctx.formParam("scope"));
        act(ctx, scope, () -> pins.pin(scope.value(), articleId(ctx), "on".equals(ctx.formParam("lead")), optionalTime(ctx, "lapses_at"), me(ctx)));
    }

    /** {@code POST /admin/desk/pins/move}: one place up or down. */
    public void move(Context ctx) {
        Scope scope = scope(ctx.formParam("scope"));
        act(ctx, scope, () -> pins.move(scope.value(), articleId(ctx), "up".equals(ctx.formParam("direction")), me(ctx)));
    }

    /** {@code POST /admin/desk/pins/remove}. */
    public void unpin(Context ctx) {
        Scope scope = scope(ctx.formParam("scope"));
        act(ctx, scope, () -> pins.unpin(scope.value(), articleId(ctx), me(ctx)));
    }

    /** {@code POST /admin/desk/ticker}: an urgent article or a short line, for {@code hours} (2 by default). */
    public void addTicker(Context ctx) {
        Scope scope = scope(ctx.formParam("scope"));
        act(ctx, scope, () -> {
            Instant until = clock.instant().plus(hours(ctx));
            String article = Optional.ofNullable(ctx.formParam("article_id")).orElse("").strip();
            if (!article.isEmpty()) ticker.addArticle(articleId(ctx), until, me(ctx));
            else ticker.addLine(ctx.formParam("text"), ctx.formParam("link"), until, me(ctx));
        });
    }

    /** {@code POST /admin/desk/ticker/{id}/end}: takes a line down now. */
    public void endTicker(Context ctx) {
        String raw = ctx.pathParam("id");
        if (!Input.isId(raw)) throw new NotFound("bad ticker id " + raw, "error.page-not-found");
        Scope scope = scope(ctx.formParam("scope"));
        act(ctx, scope, () -> ticker.end(Input.id(raw), me(ctx)));
    }

    /** {@code POST /admin/articles/{id}/corrections}: a public correction or update note on a published article. */
    public void correct(Context ctx) {
        String raw = ctx.pathParam("id");
        if (!Input.isId(raw)) throw new NotFound("bad article id " + raw, "error.article-not-found");
        long id = Input.id(raw);
        if (articles.findById(id).isEmpty()) throw new NotFound("no article " + id, "error.article-not-found");
        try {
            corrections.add(id, Optional.ofNullable(ctx.formParam("kind")).orElse(""), ctx.formParam("body"), me(ctx));
        } catch (DeskRefused e) {
            ctx.redirect("/admin/articles/" + id + "?refused=" + URLEncoder.encode(e.messageKey(), StandardCharsets.UTF_8) + "#corrections", HttpStatus.SEE_OTHER);
            return;
        }
        ctx.redirect("/admin/articles/" + id + "?done=corrected#corrections-form", HttpStatus.SEE_OTHER);
    }

    /** Runs a desk action, then back to the page it arranged; a refusal re-shows that page with the reason. */
    private void act(Context ctx, Scope scope, Runnable action) {
        try {
            action.run();
        } catch (DeskRefused e) {
            render(ctx, 422, scope, site.messages().get(e.messageKey(), PinStore.MAX_PINNED));
            return;
        }
        ctx.redirect("/admin/desk?scope=" + URLEncoder.encode(scope.value(), StandardCharsets.UTF_8) + "&done=desk-saved", HttpStatus.SEE_OTHER);
    }

    private void render(Context ctx, int status, Scope scope, String error) {
        templates.send(ctx, status, "admin/desk.jte", new DeskPage(AdminFrame.of(site, ctx, site.messages().get("admin.desk"), "desk"),
            scopes(), scope, pins.list(scope.value()), ticker.listLive(), articles.listLatest(60, 0).items(), PinStore.MAX_PINNED,
            TickerStore.DEFAULT_LIFETIME.toHours(), error));
    }

    private List<Scope> scopes() {
        List<Scope> out = new java.util.ArrayList<>();
        out.add(new Scope(PinStore.HOME, site.messages().get("desk.home")));
        for (Section s : sections.listAll()) out.add(new Scope(PinStore.section(s.id()), s.name()));
        return out;
    }

    /** The page named by {@code raw}; anything else (or nothing) is the home page. */
    private Scope scope(String raw) {
        return scopes().stream().filter(s -> s.value().equals(raw)).findFirst().orElse(scopes().getFirst());
    }

    private static Account me(Context ctx) {
        return Guard.required(ctx).account();
    }

    private static long articleId(Context ctx) {
        String raw = ArabicText.latinDigits(Optional.ofNullable(ctx.formParam("article_id")).orElse("").strip());
        if (!Input.isId(raw)) throw new DeskRefused("no article chosen: " + raw, "desk.error.article");
        return Input.id(raw);
    }

    /** Hours a ticker line stays, 1 to 24; two when not given. */
    private static Duration hours(Context ctx) {
        String raw = ArabicText.latinDigits(Optional.ofNullable(ctx.formParam("hours")).orElse("").strip());
        if (raw.isEmpty()) return TickerStore.DEFAULT_LIFETIME;
        try {
            double h = Double.parseDouble(raw);
            if (h > 0 && h <= 24) return Duration.ofMinutes(Math.round(h * 60));
        } catch (NumberFormatException ignored) {
            // answered below with the accepted range
        }
        throw new DeskRefused("ticker hours " + raw, "desk.error.hours");
    }

    /** An optional time typed in the site's zone ({@code 2026-12-04T18:30}); blank is none. */
    private Instant optionalTime(Context ctx, String field) {
        String raw = ArabicText.latinDigits(Optional.ofNullable(ctx.formParam(field)).orElse("").strip()).replace(' ', 'T');
        if (raw.isEmpty()) return null;
        try {
            return Input.localTime(raw, site.fmt().zone());
        } catch (Input.Invalid e) {
            throw new DeskRefused("bad time " + raw, "desk.error.time");
        }
    }
}
