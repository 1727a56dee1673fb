package org.nashir.article;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;
import org.nashir.storage.ChangeFeed;
import org.nashir.storage.ChangeKind;
import org.nashir.web.NavLink;

import java.util.List;
import java.util.Optional;

/** The sections of the site (the navigation, in editors' order); changes to them go through the change feed. */
public final class SectionStore {
    private static final RowMapper<Section> SECTION = ConstructorMapper.of(Section.class);
    private final Jdbi jdbi;
    private final ChangeFeed changes;

    public SectionStore(Jdbi jdbi, ChangeFeed changes) {
        this.jdbi = jdbi;
        this.changes = changes;
    }

    /** The sections as the masthead links them, in editors' order. */
    public List<NavLink> listNavigation() {
        return listAll().stream().map(s -> new NavLink(s.path(), s.name())).toList();
    }

    public List<Section> listAll() {
        return jdbi.withHandle(h -> h.createQuery("SELECT id, slug, name, position FROM section ORDER BY position, id").map(SECTION).list());
    }

    public Optional<Section> findBySlug(String slug) {
        return jdbi.withHandle(h -> h.createQuery("SELECT id, slug, name, position FROM section WHERE slug = :slug")
            .bind("slug", slug).map(SECTION).findOne());
    }

    /** Where a renamed section's old slug points now. */
    public Optional<String> findRenamed(String oldSlug) {
        return Names.currentSlug(jdbi, "section", oldSlug);
    }

    /** Adds a section at the end of the navigation; false when the name is taken. */
    public boolean create(String name) {
        return jdbi.inTransaction(h -> {
            if (h.createQuery("SELECT COUNT(*) FROM section WHERE name = :n").bind("n", name.strip()).mapTo(Integer.class).one() > 0) return false;
            long id = ensure(h, name.strip());
            changes.append(h, ChangeKind.SECTION_CREATED, id);
            return true;
        });
    }

    public boolean rename(long id, String name) {
        return jdbi.inTransaction(h -> Names.rename(h, changes, ChangeKind.SECTION_RENAMED, id, name));
    }

    /** Swaps the section with its neighbour above ({@code up}) or below in the navigation. */
    public void move(long id, boolean up) {
        jdbi.useTransaction(h -> {
            List<Section> all = h.createQuery("SELECT id, slug, name, position FROM section ORDER BY position, id").map(SECTION).list();
            int i = -1;
            for (int k = 0; k < all.size(); k++) if (all.get(k).id() == id) i = k;
            int j = up ? i - 1 : i + 1;
            if (i < 0 || j < 0 || j >= all.size()) return;
            // Positions are rewritten as 0..n-1 so equal or missing positions cannot stall the swap.
            for (int k = 0; k < all.size(); k++) {
                int position = k == i ? j : k == j ? i : k;
                h.createUpdate("UPDATE section SET position = :p WHERE id = :id").bind("p", position).bind("id", all.get(k).id()).execute();
            }
            changes.append(h, ChangeKind.SECTION_MOVED, id);
        });
    }

    /** The id of the section with this name, created at the end of the navigation if new. */
    public long ensure(Handle h, String name) {
        return h.createQuery("SELECT id FROM section WHERE name = :name").bind("name", name).mapTo(Long.class).findOne()
            .orElseGet(() -> h.createUpdate("""
                    INSERT INTO section (slug, name, position)
                    VALUES (:slug, :name, (SELECT COALESCE(MAX(position), 0) + 1 FROM section))""")
                .bind("slug", Names.uniqueSlug(h, "section", name)).bind("name", name)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
    }
}
