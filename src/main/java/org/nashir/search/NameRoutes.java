package org.nashir.search;

import org.nashir.web.Input;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import org.nashir.account.AdminFrame;
import org.nashir.arabic.ArabicStemmer;
import org.nashir.article.ArticleStore;
import org.nashir.web.Site;
import org.nashir.web.Templates;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@code /admin/names}: the spellings search takes as one name. Editors add a name (its spellings and Latin form),
 * change or remove one, accept a pair the site's own titles suggest, and merge in one click the tags that are spellings of one
 * name.
 */
public final class NameRoutes {
    /** A name as the page lists it, with the tags that are its spellings (two or more can be merged). */
    public record Listed(Names.Entity entity, List<ArticleStore.TagUse> tags) {}

    public record NamesPage(AdminFrame frame, List<Listed> names, List<Names.Proposal> proposals, String error, String spellings, String latin) {}

    private final Names names;
    private final SearchIndex index;
    private final Supplier<List<ArticleStore.TagUse>> tags;
    private final Site site;
    private final Templates templates;

    public NameRoutes(Names names, SearchIndex index, Supplier<List<ArticleStore.TagUse>> tags, Site site, Templates templates) {
        this.names = names;
        this.index = index;
        this.tags = tags;
        this.site = site;
        this.templates = templates;
    }

    public void show(Context ctx) {
        render(ctx, 200, null, "", "");
    }

    /** {@code POST /admin/names}: {@code spellings} separated by commas (, or ،) or lines, and {@code latin}. */
    public void add(Context ctx) {
        String spellings = String.valueOf(ctx.formParam("spellings") == null ? "" : ctx.formParam("spellings"));
        String latin = ctx.formParam("latin") == null ? "" : ctx.formParam("latin");
        try {
            names.add(Arrays.asList(spellings.split("[,،\\n]+")), latin);
        } catch (Names.Refused e) {
            render(ctx, 422, site.messages().get(e.messageKey), spellings, latin);
            return;
        }
        ctx.redirect("/admin/names?done=name-saved", HttpStatus.SEE_OTHER);
    }

    /** {@code POST /admin/names/{id}}: the name's spellings and Latin form, replaced. */
    public void update(Context ctx) {
        String raw = ctx.pathParam("id");
        String spellings = ctx.formParam("spellings") == null ? "" : ctx.formParam("spellings");
        String latin = ctx.formParam("latin") == null ? "" : ctx.formParam("latin");
        if (!Input.isId(raw)) {
            ctx.redirect("/admin/names", HttpStatus.SEE_OTHER);
            return;
        }
        try {
            names.update(Input.id(raw), Arrays.asList(spellings.split("[,،\\n]+")), latin);
        } catch (Names.Refused e) {
            render(ctx, 422, site.messages().get(e.messageKey), "", "");
            return;
        }
        ctx.redirect("/admin/names?done=name-saved", HttpStatus.SEE_OTHER);
    }

    /** {@code POST /admin/names/{id}/delete}. */
    public void delete(Context ctx) {
        String raw = ctx.pathParam("id");
        if (Input.isId(raw)) names.delete(Input.id(raw));
        ctx.redirect("/admin/names?done=name-deleted", HttpStatus.SEE_OTHER);
    }

    private void render(Context ctx, int status, String error, String spellings, String latin) {
        List<ArticleStore.TagUse> all = tags.get();
        List<Listed> listed = new ArrayList<>();
        for (Names.Entity e : names.list()) {
            List<String> folded = e.spellings().stream().map(ArabicStemmer::fold).toList();
            listed.add(new Listed(e, all.stream().filter(t -> folded.contains(ArabicStemmer.fold(t.name().strip()))).toList()));
        }
        List<Names.Proposal> proposals;
        try {
            var searcher = index.acquire();
            try {
                proposals = names.propose(searcher, 3, 30);
            } finally {
                index.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        templates.send(ctx, status, "admin/names.jte", new NamesPage(AdminFrame.of(site, ctx, site.messages().get("admin.names"), "names"),
            listed, proposals, error, spellings, latin));
    }
}
