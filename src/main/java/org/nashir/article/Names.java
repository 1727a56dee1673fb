package org.nashir.article;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.nashir.arabic.Slug;
import org.nashir.storage.ChangeFeed;
import org.nashir.storage.ChangeKind;

import java.util.Optional;

/** Slugs for named things (sections, bylines, tags): readable, and unique within their table. */
public final class Names {
    private Names() {}

    /** Remembers that {@code oldSlug} of a {@code kind} (section, tag, author) now means {@code target}, for redirects. */
    public static void rememberOldSlug(Handle h, String kind, String oldSlug, long target) {
        h.createUpdate("DELETE FROM slug_redirect WHERE kind = :k AND old_slug = :s").bind("k", kind).bind("s", oldSlug).execute();
        h.createUpdate("INSERT INTO slug_redirect (kind, old_slug, target) VALUES (:k, :s, :t)").bind("k", kind).bind("s", oldSlug).bind("t", target).execute();
    }

    /** The current slug of what was once at {@code oldSlug}, if it was renamed. */
    public static Optional<String> currentSlug(Jdbi jdbi, String kind, String oldSlug) {
        String table = switch (kind) {
            case "section" -> "section";
            case "tag" -> "tag";
            case "author" -> "author";
            default -> throw new IllegalArgumentException("no slugs for " + kind);
        };
        return jdbi.withHandle(h -> h.createQuery("SELECT t.slug FROM slug_redirect r JOIN " + table + " t ON t.id = r.target WHERE r.kind = :k AND r.old_slug = :s")
            .bind("k", kind).bind("s", oldSlug).mapTo(String.class).findOne());
    }

    /**
     * Renames row {@code id} of {@code table}: a new name and slug, the old slug kept as a redirect, and a change
     * row so cached pages (navigation, listings) are dropped. Returns false when another row has that name.
     */
    public static boolean rename(Handle h, ChangeFeed changes, ChangeKind renamed, long id, String name) {
        String table = renamed.entity().code();
        String clean = name.strip();
        if (h.createQuery("SELECT COUNT(*) FROM " + table + " WHERE name = :n AND id <> :id").bind("n", clean).bind("id", id).mapTo(Integer.class).one() > 0) {
            return false;
        }
        String oldSlug = h.createQuery("SELECT slug FROM " + table + " WHERE id = :id").bind("id", id).mapTo(String.class).one();
        String newSlug = Slug.of(clean);
        if (!newSlug.equals(oldSlug)) {
            h.createUpdate("UPDATE " + table + " SET slug = :tmp WHERE id = :id").bind("tmp", "renaming-" + id).bind("id", id).execute();
            newSlug = uniqueSlug(h, table, clean);
            rememberOldSlug(h, table, oldSlug, id);
        }
        h.createUpdate("UPDATE " + table + " SET name = :n, slug = :s WHERE id = :id").bind("n", clean).bind("s", newSlug).bind("id", id).execute();
        changes.append(h, renamed, id);
        return true;
    }

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
