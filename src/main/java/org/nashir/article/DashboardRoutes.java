package org.nashir.article;

import org.nashir.web.Templates;
import org.nashir.web.Site;
import org.nashir.account.Guard;
import org.nashir.account.AdminFrame;
import io.javalin.http.Context;
import org.nashir.account.Account;
import org.nashir.account.Role;

import java.util.List;

/** The back office's start page: my drafts, what waits for review, what is scheduled, what went out lately. */
public final class DashboardRoutes {
    public record DashboardPage(AdminFrame frame, List<ArticleStore.Row> drafts, List<ArticleStore.Row> review,
                                List<ArticleStore.Row> scheduled, List<ArticleStore.Row> published, long pendingComments,
                                List<Teaser> liveNow) {}

    private final ArticleStore articles;
    private final java.util.function.LongSupplier pendingComments;
    private final Site site;
    private final Templates templates;

    public DashboardRoutes(ArticleStore articles, java.util.function.LongSupplier pendingComments, Site site, Templates templates) {
        this.articles = articles;
        this.pendingComments = pendingComments;
        this.site = site;
        this.templates = templates;
    }

    public void show(Context ctx) {
        Account me = Guard.required(ctx).account();
        boolean newsroom = me.role() != Role.MODERATOR;
        Long owner = me.role() == Role.WRITER ? me.id() : null;
        DashboardPage page = new DashboardPage(AdminFrame.of(site, ctx, site.messages().get("admin.dashboard"), "dashboard"),
            newsroom ? articles.listForBackOffice(Article.DRAFT, me.id(), 10) : List.of(),
            newsroom ? articles.listForBackOffice(Article.REVIEW, owner, 10) : List.of(),
            newsroom ? articles.listForBackOffice(Article.SCHEDULED, owner, 10) : List.of(),
            newsroom ? articles.listForBackOffice(Article.PUBLISHED, owner, 10) : List.of(),
            me.role() == Role.WRITER ? 0 : pendingComments.getAsLong(),
            newsroom ? articles.listLiveNow() : List.of());
        templates.send(ctx, 200, "admin/dashboard.jte", page);
    }
}
