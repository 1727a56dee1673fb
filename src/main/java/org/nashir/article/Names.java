package org.nashir.article;

import org.jdbi.v3.core.Handle;
import org.nashir.arabic.Slug;

/** Slugs for named things (sections, bylines, tags): readable, and unique within their table. */
public final class Names {
    private Names() {}

    /** {@code table} is one of our own table names, never user input. */
    public static String uniqueSlug(Handle h, String table, String name) {
        String base = Slug.of(name);
        if (base.isEmpty()) base = table;
        String slug = base;
        for (int n = 2; h.createQuery("SELECT COUNT(*) FROM " + table + " WHERE slug = :slug").bind("slug", slug)
            .mapTo(Integer.class).one() > 0; n++) {
            slug = base + "-" + n;
        }
        return slug;
    }
}
