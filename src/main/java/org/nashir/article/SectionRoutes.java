package org.nashir.article;

import org.nashir.web.Redirect;
import io.javalin.http.Context;
import org.nashir.web.NotFound;
import org.nashir.web.PageCache;
import org.nashir.web.Pager;
import org.nashir.web.Site;
import org.nashir.web.Templates;

import java.util.List;

public final class SectionRoutes {
    private final SectionStore sections;
    private final ArticleStore articles;
    private final PinStore pins;
    private final Site site;
    private final Templates templates;
    private final PageCache cache;

    public SectionRoutes(SectionStore sections, ArticleStore articles, PinStore pins, Site site, Templates templates, PageCache cache) {
        this.pins = pins;
        this.sections = sections;
        this.articles = articles;
        this.site = site;
        this.templates = templates;
        this.cache = cache;
    }

    public void show(Context ctx) {
        String slug = ctx.pathParam("slug");
        int number = Pager.parse(ctx.queryParam("page"));
        cache.send(ctx, cache.get(ctx.path() + "?" + number, () -> {
            Section section = sections.findBySlug(slug).orElseThrow(() -> sections.findRenamed(slug)
                .<RuntimeException>map(now -> new Redirect(new Section(0, now, "", 0).path()))
                .orElseGet(() -> new NotFound("no section " + slug, "error.section-not-found")));
            org.nashir.web.Shows.record(org.nashir.web.Shows.sectionList(section.id()), org.nashir.web.Shows.pins(section.id()));
            ArticleStore.Slice slice = articles.listInSection(section.id(), Pager.PAGE_SIZE, Pager.offset(number));
            Pager pager = Pager.of(section.path(), number, slice.total());
            List<Teaser> pinned = List.of();
            if (number == 1) {
                PinStore.Pinned p = pins.listVisible(PinStore.section(section.id()));
                List<Teaser> first = new java.util.ArrayList<>();
                if (p.lead() != null) first.add(p.lead());
                first.addAll(p.pinned());
                pinned = List.copyOf(first);
            }
            return templates.render("listing.jte", new ListingPage(
                site.frame(section.name(), site.messages().get("section.description", section.name(), site.settings().siteName()), pager.href(number)),
                section.name(), null, List.of(), pinned, slice.items(), pager));
        }));
    }
}
