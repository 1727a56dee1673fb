package org.nashir.page;

import org.nashir.web.Input;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import org.nashir.account.AdminFrame;
import org.nashir.arabic.ArabicText;
import org.nashir.web.NavLink;
import org.nashir.web.NotFound;
import org.nashir.web.Site;
import org.nashir.web.Templates;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** {@code /admin/menus}: the header and footer menus (editors); forms only, no JavaScript needed. */
public final class MenuRoutes {
    public record MenusPage(AdminFrame frame, List<MenuStore.Item> header, List<MenuStore.Item> footer, List<NavLink> targets, String error) {}

    private final MenuStore menus;
    private final PageStore pages;
    private final Supplier<List<NavLink>> sections;
    private final Site site;
    private final Templates templates;

    public MenuRoutes(MenuStore menus, PageStore pages, Supplier<List<NavLink>> sections, Site site, Templates templates) {
        this.menus = menus;
        this.pages = pages;
        this.sections = sections;
        this.site = site;
        this.templates = templates;
    }

    public void show(Context ctx) {
        render(ctx, 200, null);
    }

    /** {@code POST /admin/menus}: a new item; its address typed, or chosen among the sections and pages. */
    public void add(Context ctx) {
        String href = Optional.ofNullable(ctx.formParam("href")).orElse("").strip();
        if (href.isEmpty()) href = Optional.ofNullable(ctx.formParam("target")).orElse("").strip();
        String rawParent = ArabicText.latinDigits(Optional.ofNullable(ctx.formParam("parent_id")).orElse("").strip());
        try {
            menus.add(Optional.ofNullable(ctx.formParam("menu")).orElse(""), ctx.formParam("label"), href,
                Input.isId(rawParent) ? Long.valueOf(Input.id(rawParent)) : null);
        } catch (PageStore.Refused e) {
            render(ctx, 422, site.messages().get(e.messageKey()));
            return;
        }
        ctx.redirect("/admin/menus?done=menu-saved", HttpStatus.SEE_OTHER);
    }

    /** {@code POST /admin/menus/{id}} with {@code action} up, down or delete. */
    public void change(Context ctx) {
        String raw = ctx.pathParam("id");
        if (!Input.isId(raw)) throw new NotFound("bad menu item " + raw, "error.page-not-found");
        long id = Input.id(raw);
        try {
            switch (Optional.ofNullable(ctx.formParam("action")).orElse("")) {
                case "up" -> menus.move(id, true);
                case "down" -> menus.move(id, false);
                case "delete" -> menus.delete(id);
                default -> throw new PageStore.Refused("unknown menu action", "menu.error.action");
            }
        } catch (PageStore.Refused e) {
            render(ctx, 422, site.messages().get(e.messageKey()));
            return;
        }
        ctx.redirect("/admin/menus?done=menu-saved", HttpStatus.SEE_OTHER);
    }

    private void render(Context ctx, int status, String error) {
        List<NavLink> targets = new ArrayList<>(sections.get());
        for (PageStore.Page p : pages.listPublished()) targets.add(new NavLink(p.path(), p.title()));
        templates.send(ctx, status, "admin/menus.jte", new MenusPage(AdminFrame.of(site, ctx, site.messages().get("admin.menus"), "menus"),
            menus.list(MenuStore.HEADER), menus.list(MenuStore.FOOTER), targets, error));
    }
}
