package org.nashir.article;

import org.nashir.arabic.Slug;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;
import org.jdbi.v3.core.statement.Query;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Articles, their bylines and tags as readers see them: only published articles whose time has come. */
public final class ArticleStore {
    static final RowMapper<Article> ARTICLE = ConstructorMapper.of(Article.class);
    public static final RowMapper<Teaser> TEASER = ConstructorMapper.of(Teaser.class);
    static final RowMapper<Byline> BYLINE = ConstructorMapper.of(Byline.class);
    static final RowMapper<Tag> TAG = ConstructorMapper.of(Tag.class);

    /** The columns of {@link Teaser}, for any query over {@code article a JOIN section s}. */
    public static final String TEASER_COLUMNS = "a.id, a.slug, a.title, a.kicker, a.summary, a.label, "
        + "s.slug AS section_slug, s.name AS section_name, a.published_at, a.view_count, "
        + "(SELECT COUNT(*) FROM comment c WHERE c.article_id = a.id AND c.status = 'approved') AS comment_count, a.kind";
    private static final String VISIBLE = "a.status = 'published' AND a.published_at <= :now";

    private final Jdbi jdbi;
    private final Clock clock;

    public ArticleStore(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    public Optional<Article> findPublished(long id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM article a WHERE a.id = :id AND " + VISIBLE)
            .bind("id", id).bind("now", clock.instant()).map(ARTICLE).findOne());
    }

    /** Any article by id whatever its status; for importers and the back office. */
    public Optional<Article> findById(long id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM article WHERE id = :id").bind("id", id).map(ARTICLE).findOne());
    }

    public Optional<Long> findIdByImportKey(String key) {
        return jdbi.withHandle(h -> h.createQuery("SELECT id FROM article WHERE import_key = :key")
            .bind("key", key).mapTo(Long.class).findOne());
    }

    public List<Byline> listBylines(long articleId) {
        return jdbi.withHandle(h -> h.createQuery("""
                SELECT au.id, au.slug, au.name, au.is_desk AS desk, au.bio, au.photo_media_id
                FROM article_author aa JOIN author au ON au.id = aa.author_id
                WHERE aa.article_id = :id ORDER BY aa.position""")
            .bind("id", articleId).map(BYLINE).list());
    }

    public List<Tag> listTags(long articleId) {
        return jdbi.withHandle(h -> h.createQuery("""
                SELECT t.id, t.slug, t.name FROM article_tag at JOIN tag t ON t.id = at.tag_id
                WHERE at.article_id = :id ORDER BY t.name""")
            .bind("id", articleId).map(TAG).list());
    }

    public Optional<Tag> findTag(String slug) {
        return jdbi.withHandle(h -> h.createQuery("SELECT id, slug, name FROM tag WHERE slug = :slug")
            .bind("slug", slug).map(TAG).findOne());
    }

    public Optional<Byline> findByline(String slug) {
        return jdbi.withHandle(h -> h.createQuery("SELECT id, slug, name, is_desk AS desk, bio, photo_media_id FROM author WHERE slug = :slug")
            .bind("slug", slug).map(BYLINE).findOne());
    }

    /** Where a renamed tag's or byline's old slug points now. */
    public Optional<String> findRenamed(String kind, String oldSlug) {
        return Names.currentSlug(jdbi, kind, oldSlug);
    }

    /** A tag with the number of articles carrying it, for the back office. */
    public record TagUse(long id, String slug, String name, long articles) {}

    public List<TagUse> listTagUse() {
        return jdbi.withHandle(h -> h.createQuery("""
                SELECT t.id, t.slug, t.name, COUNT(at.article_id) AS articles
                FROM tag t LEFT JOIN article_tag at ON at.tag_id = t.id GROUP BY t.id, t.slug, t.name ORDER BY t.name""")
            .map(ConstructorMapper.of(TagUse.class)).list());
    }

    public List<Byline> listBylines() {
        return jdbi.withHandle(h -> h.createQuery("SELECT id, slug, name, is_desk AS desk, bio, photo_media_id FROM author ORDER BY name").map(BYLINE).list());
    }

    public List<String> listTagNames() {
        return jdbi.withHandle(h -> h.createQuery("SELECT name FROM tag ORDER BY name").mapTo(String.class).list());
    }

    /** A slice of a listing and the listing's full size, for pagination. */
    public record Slice(List<Teaser> items, long total) {}

    public Slice listLatest(int limit, int offset) {
        return slice("", q -> q, limit, offset);
    }

    public Slice listInSection(long sectionId, int limit, int offset) {
        return slice("AND a.section_id = :section", q -> q.bind("section", sectionId), limit, offset);
    }

    public Slice listTagged(long tagId, int limit, int offset) {
        return slice("AND a.id IN (SELECT article_id FROM article_tag WHERE tag_id = :tag)", q -> q.bind("tag", tagId), limit, offset);
    }

    public Slice listBylined(long authorId, int limit, int offset) {
        return slice("AND a.id IN (SELECT article_id FROM article_author WHERE author_id = :author)", q -> q.bind("author", authorId), limit, offset);
    }

    /** Published in [from, to): the date archives. */
    public Slice listPublishedBetween(Instant from, Instant to, int limit, int offset) {
        return slice("AND a.published_at >= :from AND a.published_at < :to", q -> q.bind("from", from).bind("to", to), limit, offset);
    }

    /** A writer of opinion pieces and their latest one. */
    public record Columnist(Byline byline, Teaser latest) {}

    /** The opinion writers (كتّاب الرأي), the one with the latest piece first, each with that piece. */
    public List<Columnist> listColumnists(int limit) {
        Instant now = clock.instant();
        return jdbi.withHandle(h -> {
            List<Byline> writers = h.createQuery("""
                    SELECT au.id, au.slug, au.name, au.is_desk AS desk, au.bio, au.photo_media_id FROM author au
                    JOIN article_author aa ON aa.author_id = au.id JOIN article a ON a.id = aa.article_id
                    WHERE a.kind = 'opinion' AND a.status = 'published' AND a.published_at <= :now
                    GROUP BY au.id, au.slug, au.name, au.is_desk, au.bio, au.photo_media_id
                    ORDER BY MAX(a.published_at) DESC LIMIT :limit""")
                .bind("now", now).bind("limit", limit).map(BYLINE).list();
            List<Columnist> out = new java.util.ArrayList<>();
            for (Byline b : writers) {
                h.createQuery("SELECT " + TEASER_COLUMNS + " FROM article a JOIN section s ON s.id = a.section_id JOIN article_author aa ON aa.article_id = a.id "
                        + "WHERE aa.author_id = :author AND a.kind = 'opinion' AND " + VISIBLE + " ORDER BY a.published_at DESC, a.id DESC LIMIT 1")
                    .bind("author", b.id()).bind("now", now).map(TEASER).findOne().ifPresent(t -> out.add(new Columnist(b, t)));
            }
            return out;
        });
    }

    /** Published articles whose live coverage goes on now, the most recently started first. */
    public List<Teaser> listLiveNow() {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + TEASER_COLUMNS + " FROM article a JOIN section s ON s.id = a.section_id WHERE "
                + VISIBLE + " AND a.live_started_at IS NOT NULL AND a.live_ended_at IS NULL ORDER BY a.live_started_at DESC LIMIT 20")
            .bind("now", clock.instant()).map(TEASER).list());
    }

    /** The latest in the same section, without the article itself: related articles when search finds none alike. */
    public List<Teaser> listAlsoInSection(Article article, int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + TEASER_COLUMNS + " FROM article a JOIN section s ON s.id = a.section_id WHERE "
                + VISIBLE + " AND a.section_id = :section AND a.id <> :id ORDER BY a.published_at DESC, a.id DESC LIMIT :limit")
            .bind("now", clock.instant()).bind("section", article.sectionId()).bind("id", article.id()).bind("limit", limit)
            .map(TEASER).list());
    }

    /** The latest {@code limit} of a section, without counting the section (the home page's blocks need no pager). */
    public List<Teaser> listTopInSection(long sectionId, int limit) {
        return jdbi.withHandle(h -> teasers(h, "AND a.section_id = :section", q -> q.bind("section", sectionId), limit, 0, clock.instant()));
    }

    private static List<Teaser> teasers(Handle h, String filter, java.util.function.UnaryOperator<Query> binder, int limit, int offset, Instant now) {
        return binder.apply(h.createQuery("SELECT " + TEASER_COLUMNS
                + " FROM article a JOIN section s ON s.id = a.section_id WHERE " + VISIBLE + " " + filter
                + " ORDER BY a.published_at DESC, a.id DESC LIMIT :limit OFFSET :offset"))
            .bind("now", now).bind("limit", limit).bind("offset", offset).map(TEASER).list();
    }

    private Slice slice(String filter, java.util.function.UnaryOperator<Query> binder, int limit, int offset) {
        Instant now = clock.instant();
        return jdbi.withHandle(h -> {
            List<Teaser> items = teasers(h, filter, binder, limit, offset, now);
            long total = items.size() < limit && (offset == 0 || !items.isEmpty())
                ? offset + items.size()
                : binder.apply(h.createQuery("SELECT COUNT(*) FROM article a WHERE " + VISIBLE + " " + filter))
                    .bind("now", now).mapTo(Long.class).one();
            return new Slice(items, total);
        });
    }

    /** Everything search needs of one visible article, in one query per batch. */
    public record Indexable(long id, String slug, String title, String kicker, String summary, String body, String sourceName,
                            String sectionSlug, String sectionName, Instant publishedAt, String bylines, String bylineSlugs, String tags,
                            String kind) {}

    /** Visible articles with ids in {@code ids} (missing ones are simply absent), for the search index. */
    public List<Indexable> listIndexable(java.util.Collection<Long> ids) {
        if (ids.isEmpty()) return List.of();
        return jdbi.withHandle(h -> indexable(h, "a.id IN (<ids>)").bindList("ids", new java.util.ArrayList<>(ids)).bind("now", clock.instant())
            .map(ConstructorMapper.of(Indexable.class)).list());
    }

    /** Visible articles with id greater than {@code afterId}, by id: for rebuilding the index in batches. */
    public List<Indexable> listIndexableAfter(long afterId, int limit) {
        return jdbi.withHandle(h -> indexable(h, "a.id > :after ORDER BY a.id LIMIT :limit").bind("after", afterId).bind("limit", limit)
            .bind("now", clock.instant()).map(ConstructorMapper.of(Indexable.class)).list());
    }

    private static Query indexable(org.jdbi.v3.core.Handle h, String where) {
        return h.createQuery("""
            SELECT a.id, a.slug, a.title, a.kicker, a.summary, a.body, a.source_name, s.slug AS section_slug, s.name AS section_name, a.published_at, a.kind,
                   COALESCE((SELECT STRING_AGG(au.name, '
' ORDER BY aa.position) FROM article_author aa JOIN author au ON au.id = aa.author_id WHERE aa.article_id = a.id), '') AS bylines,
                   COALESCE((SELECT STRING_AGG(au.slug, '
' ORDER BY aa.position) FROM article_author aa JOIN author au ON au.id = aa.author_id WHERE aa.article_id = a.id), '') AS byline_slugs,
                   COALESCE((SELECT STRING_AGG(t.name, '
' ORDER BY t.name) FROM article_tag at JOIN tag t ON t.id = at.tag_id WHERE at.article_id = a.id), '') AS tags
            FROM article a JOIN section s ON s.id = a.section_id
            WHERE a.status = 'published' AND a.published_at <= :now AND\s""" + where);
    }

    /** Ids of the articles in a section, with a tag, or by a byline: what a rename has to reindex. */
    public List<Long> listIdsLinkedTo(String entity, long id) {
        String sql = switch (entity) {
            case "section" -> "SELECT id FROM article WHERE section_id = :id";
            case "tag" -> "SELECT article_id FROM article_tag WHERE tag_id = :id";
            case "author" -> "SELECT article_id FROM article_author WHERE author_id = :id";
            default -> throw new IllegalArgumentException("no articles are linked to a " + entity);
        };
        return jdbi.withHandle(h -> h.createQuery(sql).bind("id", id).mapTo(Long.class).list());
    }

    /** Teasers of visible articles in the order of {@code ids} (search results, related articles). */
    public List<Teaser> listTeasers(List<Long> ids) {
        if (ids.isEmpty()) return List.of();
        // Looked up by primary key only, visibility checked here: given "status = … AND published_at <= …" as well,
        // SQLite's planner scans the whole status index instead of fetching ten rows.
        Instant now = clock.instant();
        List<Teaser> found = jdbi.withHandle(h -> h.createQuery("SELECT " + TEASER_COLUMNS + ", a.status FROM article a JOIN section s ON s.id = a.section_id "
                + "WHERE a.id IN (<ids>)").bindList("ids", ids)
            .map((rs, ctx) -> Article.PUBLISHED.equals(rs.getString("status")) ? TEASER.map(rs, ctx) : null).list())
            .stream().filter(t -> t != null && !t.publishedAt().isAfter(now)).toList();
        java.util.Map<Long, Teaser> byId = new java.util.HashMap<>();
        for (Teaser t : found) byId.put(t.id(), t);
        return ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
    }

    /** What a sitemap lists of an article. */
    public record Located(long id, String slug, String title, Instant publishedAt, Instant updatedAt) {
        /** A page being rendered (a sitemap) depends on the articles it locates (see {@link org.nashir.web.Shows}). */
        public Located {
            org.nashir.web.Shows.record(org.nashir.web.Shows.article(id));
        }

        public String path() {
            return Article.path(id);
        }
    }

    /** Visible articles by id, for paged sitemaps. */
    public List<Located> listLocated(int limit, int offset) {
        return jdbi.withHandle(h -> h.createQuery("SELECT a.id, a.slug, a.title, a.published_at, a.updated_at FROM article a WHERE " + VISIBLE
                + " ORDER BY a.id LIMIT :limit OFFSET :offset")
            .bind("now", clock.instant()).bind("limit", limit).bind("offset", offset).map(ConstructorMapper.of(Located.class)).list());
    }

    /** Visible articles published after {@code since}, newest first: the news sitemap. */
    public List<Located> listLocatedSince(Instant since, int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT a.id, a.slug, a.title, a.published_at, a.updated_at FROM article a WHERE " + VISIBLE
                + " AND a.published_at > :since ORDER BY a.published_at DESC LIMIT :limit")
            .bind("now", clock.instant()).bind("since", since).bind("limit", limit).map(ConstructorMapper.of(Located.class)).list());
    }

    /** A line of the back office's article list. */
    public record Row(long id, String title, String status, String sectionName, Instant publishedAt, Instant updatedAt, String createdBy) {}

    /**
     * Articles for the back office, newest change first: all of them, or those of one status, or (for writers)
     * only those the account created.
     */
    public List<Row> listForBackOffice(String status, Long createdBy, int limit) {
        return jdbi.withHandle(h -> h.createQuery("""
                SELECT a.id, a.title, a.status, s.name AS section_name, a.published_at, a.updated_at, COALESCE(acc.name, '') AS created_by
                FROM article a JOIN section s ON s.id = a.section_id LEFT JOIN account acc ON acc.id = a.created_by
                WHERE (:status IS NULL OR a.status = :status) AND (:owner IS NULL OR a.created_by = :owner)
                ORDER BY a.updated_at DESC, a.id DESC LIMIT :limit""")
            .bind("status", status).bind("owner", createdBy).bind("limit", limit)
            .map(ConstructorMapper.of(Row.class)).list());
    }

    /**
     * A new article row as the two ways in write it: the editor and the API (through {@link Editing}, with
     * {@code createdBy}) and imports (through {@link ArticleImport}, with views, the old address and an import key).
     */
    record NewRow(String title, String kicker, String summary, String bodyHtml, String sourceName, String sourceUrl, String label,
                  String kind, long sectionId, String status, Instant publishedAt, long viewCount, Long createdBy, Long featuredMediaId,
                  String legacyUrl, String importKey) {}

    /**
     * The only {@code INSERT INTO article}: the body is sanitized and the slug made from the title here; the
     * caller's transaction adds bylines, tags and the change row.
     */
    long insert(Handle h, NewRow a, Instant now) {
        return h.createUpdate("""
                INSERT INTO article (slug, title, kicker, summary, body, source_name, source_url, label, kind, section_id, status,
                                     published_at, updated_at, created_at, view_count, version, created_by, featured_media_id,
                                     legacy_url, import_key, search_terms)
                VALUES (:slug, :title, :kicker, :summary, :body, :sourceName, :sourceUrl, :label, :kind, :section, :status,
                        :publishedAt, :now, :now, :views, 1, :by, :media, :legacyUrl, :importKey, :terms)""")
            .bind("slug", Slug.of(a.title())).bind("title", a.title()).bind("kicker", a.kicker()).bind("summary", a.summary())
            .bind("body", BodyHtml.sanitize(a.bodyHtml())).bind("sourceName", a.sourceName()).bind("sourceUrl", a.sourceUrl())
            .bind("label", a.label()).bind("kind", a.kind()).bind("section", a.sectionId()).bind("status", a.status()).bind("publishedAt", a.publishedAt())
            .bind("now", now).bind("views", a.viewCount()).bind("by", a.createdBy()).bind("media", a.featuredMediaId())
            .bind("legacyUrl", a.legacyUrl()).bind("importKey", a.importKey()).bind("terms", ArticleFinder.terms(a.title(), a.kicker(), a.summary()))
            .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    /** Sets the article's bylines (in this order) and tags to these names, creating bylines and tags that are new. */
    void replaceLinks(Handle h, long articleId, List<String> bylines, List<String> tags) {
        h.createUpdate("DELETE FROM article_author WHERE article_id = :id").bind("id", articleId).execute();
        h.createUpdate("DELETE FROM article_tag WHERE article_id = :id").bind("id", articleId).execute();
        int position = 0;
        for (String name : bylines) {
            h.createUpdate("INSERT INTO article_author (article_id, author_id, position) VALUES (:a, :b, :p)")
                .bind("a", articleId).bind("b", ensureByline(h, name)).bind("p", position++).execute();
        }
        for (String name : tags) {
            h.createUpdate("INSERT INTO article_tag (article_id, tag_id) VALUES (:a, :t)").bind("a", articleId).bind("t", ensureTag(h, name)).execute();
        }
    }

    /** Remembers an address the article had on the old site (a {@link LegacyPaths} key); a key already taken stays. */
    public void addLegacyPath(Handle h, String key, long articleId) {
        h.createUpdate("INSERT INTO legacy_path (path, article_id) VALUES (:p, :a) ON CONFLICT (path) DO NOTHING")
            .bind("p", key).bind("a", articleId).execute();
    }

    /** The visible article an old address belongs to. */
    public Optional<Located> findByLegacyPath(String key) {
        return jdbi.withHandle(h -> h.createQuery("SELECT a.id, a.slug, a.title, a.published_at, a.updated_at FROM legacy_path l "
                + "JOIN article a ON a.id = l.article_id WHERE l.path = :p AND " + VISIBLE)
            .bind("p", key).bind("now", clock.instant()).map(ConstructorMapper.of(Located.class)).findOne());
    }

    public void setFeaturedMedia(Handle h, long articleId, long mediaId) {
        h.createUpdate("UPDATE article SET featured_media_id = :m WHERE id = :a").bind("m", mediaId).bind("a", articleId).execute();
    }

    /** The id of the byline with this name, created (with a unique slug) if new. */
    private long ensureByline(Handle h, String name) {
        return findIdByName(h, "author", name).orElseGet(() -> h.createUpdate(
                "INSERT INTO author (slug, name, is_desk) VALUES (:slug, :name, :desk)")
            .bind("slug", Names.uniqueSlug(h, "author", name)).bind("name", name).bind("desk", Byline.looksLikeDesk(name))
            .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
    }

    private long ensureTag(Handle h, String name) {
        return findIdByName(h, "tag", name).orElseGet(() -> h.createUpdate("INSERT INTO tag (slug, name) VALUES (:slug, :name)")
            .bind("slug", Names.uniqueSlug(h, "tag", name)).bind("name", name)
            .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
    }

    private static Optional<Long> findIdByName(Handle h, String table, String name) {
        return h.createQuery("SELECT id FROM " + table + " WHERE name = :name").bind("name", name).mapTo(Long.class).findOne();
    }
}
