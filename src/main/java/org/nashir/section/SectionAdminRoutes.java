package org.nashir.section;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import org.nashir.site.AdminFrame;
import org.nashir.site.NotFound;
import org.nashir.site.Site;
import org.nashir.site.Templates;
import org.nashir.storage.ChangeFeed;

import java.util.List;

/** Creating, renaming (old addresses redirect) and reordering sections. */
public final class SectionAdminRoutes {
    public record SectionsPage(AdminFrame frame, List<Section> sections, String error) {}

    private final SectionStore sections;
    private final ChangeFeed changes;
    private final Site site;
    private final Templates templates;

    public SectionAdminRoutes(SectionStore sections, ChangeFeed changes, Site site, Templates templates) {
        this.sections = sections;
        this.changes = changes;
        this.site = site;
        this.templates = templates;
    }

    public void list(Context ctx) {
        render(ctx, 200, null);
    }

    public void create(Context ctx) {
        String name = name(ctx);
        if (name == null) return;
        if (!sections.create(name, changes)) {
            render(ctx, 422, "يوجد قسم بهذا الاسم: " + name);
            return;
        }
        ctx.redirect("/admin/sections?done=section-saved", HttpStatus.SEE_OTHER);
    }

    public void rename(Context ctx) {
        long id = id(ctx);
        String name = name(ctx);
        if (name == null) return;
        if (!sections.rename(id, name, changes)) {
            render(ctx, 422, "يوجد قسم بهذا الاسم: " + name);
            return;
        }
        ctx.redirect("/admin/sections?done=section-saved", HttpStatus.SEE_OTHER);
    }

    public void move(Context ctx) {
        sections.move(id(ctx), "up".equals(ctx.formParam("direction")), changes);
        ctx.redirect("/admin/sections?done=section-saved", HttpStatus.SEE_OTHER);
    }

    /** The submitted name, or null after answering 422 when it is empty or too long. */
    private String name(Context ctx) {
        String name = ctx.formParam("name") == null ? "" : ctx.formParam("name").strip();
        if (name.isEmpty() || name.length() > 60 || org.nashir.arabic.Slug.of(name).isEmpty()) {
            render(ctx, 422, "اسم القسم مطلوب (حتى 60 حرفاً، وفيه حرف واحد على الأقل).");
            return null;
        }
        return name;
    }

    private long id(Context ctx) {
        String raw = ctx.pathParam("id");
        if (!raw.matches("[0-9]{1,18}")) throw new NotFound("bad section id " + raw, "error.section-not-found");
        long id = Long.parseLong(raw);
        if (sections.listAll().stream().noneMatch(s -> s.id() == id)) throw new NotFound("no section " + id, "error.section-not-found");
        return id;
    }

    private void render(Context ctx, int status, String error) {
        templates.send(ctx, status, "admin/sections.jte",
            new SectionsPage(site.adminFrame(ctx, site.messages().get("admin.sections"), "sections"), sections.listAll(), error));
    }
}
