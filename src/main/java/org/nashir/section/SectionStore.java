package org.nashir.section;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;
import org.nashir.article.Names;

import java.util.List;
import java.util.Optional;

public final class SectionStore {
    private static final RowMapper<Section> SECTION = ConstructorMapper.of(Section.class);
    private final Jdbi jdbi;

    public SectionStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public List<Section> listAll() {
        return jdbi.withHandle(h -> h.createQuery("SELECT id, slug, name, position FROM section ORDER BY position, id").map(SECTION).list());
    }

    public Optional<Section> findBySlug(String slug) {
        return jdbi.withHandle(h -> h.createQuery("SELECT id, slug, name, position FROM section WHERE slug = :slug")
            .bind("slug", slug).map(SECTION).findOne());
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
