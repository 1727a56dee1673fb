package org.nashir.article;

import org.nashir.web.Input;
import org.nashir.arabic.Slug;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import org.nashir.account.AdminFrame;
import org.nashir.web.NotFound;
import org.nashir.web.Site;
import org.nashir.web.Templates;

import java.util.List;

/** Creating, renaming (old addresses redirect) and reordering sections. */
public final class SectionAdminRoutes {
    public record SectionsPage(AdminFrame frame, List<Section> sections, String error) {}

    private final SectionStore sections;
    private final Site site;
    private final Templates templates;

    public SectionAdminRoutes(SectionStore sections, Site site, Templates templates) {
        this.sections = sections;
        this.site = site;
        this.templates = templates;
    }

    public void list(Context ctx) {
        render(ctx, 200, null);
    }

    public void create(Context ctx) {
        String name = name(ctx);
        if (name == null) return;
        if (!sections.create(name)) {
            render(ctx, 422, "يوجد قسم بهذا الاسم: " + name);
            return;
        }
        ctx.redirect("/admin/sections?done=section-saved", HttpStatus.SEE_OTHER);
    }

    public void rename(Context ctx) {
        long id = id(ctx);
        String name = name(ctx);
        if (name == null) return;
        if (!sections.rename(id, name)) {
            render(ctx, 422, "يوجد قسم بهذا الاسم: " + name);
            return;
        }
        ctx.redirect("/admin/sections?done=section-saved", HttpStatus.SEE_OTHER);
    }

    public void move(Context ctx) {
        sections.move(id(ctx), "up".equals(ctx.formParam("direction")));
        ctx.redirect("/admin/sections?done=section-saved", HttpStatus.SEE_OTHER);
    }

    /** The submitted name, or null after answering 422 when it is empty or too long. */
    private String name(Context ctx) {
        String name = ctx.formParam("name") == null ? "" : ctx.formParam("name").strip();
        if (name.isEmpty() || name.length() > 60 || Slug.of(name).isEmpty()) {
            render(ctx, 422, "اسم القسم مطلوب (حتى 60 حرفاً، وفيه حرف واحد على الأقل).");
            return null;
        }
        return name;
    }

    private long id(Context ctx) {
        String raw = ctx.pathParam("id");
        if (!Input.isId(raw)) throw new NotFound("bad section id " + raw, "error.section-not-found");
        long id = Input.id(raw);
        if (sections.listAll().stream().noneMatch(s -> s.id() == id)) throw new NotFound("no section " + id, "error.section-not-found");
        return id;
    }

    private void render(Context ctx, int status, String error) {
        templates.send(ctx, status, "admin/sections.jte",
            new SectionsPage(AdminFrame.of(site, ctx, site.messages().get("admin.sections"), "sections"), sections.listAll(), error));
    }
}
