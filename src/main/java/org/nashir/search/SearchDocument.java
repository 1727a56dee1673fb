package org.nashir.search;

import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.util.BytesRef;
import org.nashir.article.ArticleStore;
import org.nashir.article.Teaser;

import java.io.IOException;
import java.time.Instant;
import java.util.regex.Pattern;

/**
 * The layout of an article in the index, in one place: the field names, how an article becomes a document
 * ({@link #of}), and how a hit is read back without the database ({@link #teaser}, {@link #articleId},
 * {@link #publishedMillis}). {@link SearchIndex} writes with it, {@link Searching} reads with it.
 */
final class SearchDocument {
    /** The article id as a term (updates and deletes find the document by it) and stored. */
    static final String ID = "id";
    /** The article id as a doc value: read per hit without loading the stored document. */
    static final String ARTICLE_ID = "article_id";
    /** What a result line shows, column-stored ({@link #teaser}). */
    static final String TEASER = "teaser";
    static final String TITLE = "title";
    /** Everything short that describes the article in one field: kicker, summary, bylines, source, section, tags. */
    static final String META = "meta";
    static final String SUMMARY = "summary";
    static final String BODY = "body";
    static final String AUTHOR = "author";
    static final String SECTION = "section_slug";
    /** Publication time in epoch milliseconds: a point for date filters and a doc value for sorting and recency. */
    static final String PUBLISHED = "published";

    /**
     * The body keeps offsets in its postings so snippets are cut without analysing the text again. It is indexed
     * whole but stored only up to {@link #SNIPPET_SOURCE_CHARS}: snippets and related articles read that lead, and
     * every hit shown decompresses its stored fields, so a shorter stored body makes each search cheaper.
     */
    static final FieldType BODY_TYPE = new FieldType(TextField.TYPE_NOT_STORED);
    static final int SNIPPET_SOURCE_CHARS = 3_000;
    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    /** Separates the teaser's columns; it cannot occur in a title or name (the import drops control characters). */
    private static final String UNIT = "\u001F";

    static {
        BODY_TYPE.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        BODY_TYPE.freeze();
    }

    private SearchDocument() {}

    /** The as-written (folded, unstemmed) twin of a text field. */
    static String folded(String field) {
        return field + ArabicAnalysis.FOLDED_SUFFIX;
    }

    static Term idTerm(long articleId) {
        return new Term(ID, Long.toString(articleId));
    }

    static Document of(ArticleStore.Indexable a) {
        Document d = new Document();
        d.add(new StringField(ID, Long.toString(a.id()), Field.Store.YES));
        d.add(new NumericDocValuesField(ARTICLE_ID, a.id()));
        d.add(new BinaryDocValuesField(TEASER, new BytesRef(String.join(UNIT, a.slug(), a.title(), a.sectionSlug(), a.sectionName(), a.kind()))));
        d.add(new TextField(TITLE, a.title(), Field.Store.YES));
        d.add(new TextField(folded(TITLE), a.title(), Field.Store.NO));
        StringBuilder meta = new StringBuilder();
        for (String part : new String[] {a.kicker(), a.summary(), a.bylines(), a.sourceName(), a.sectionName(), a.tags()}) {
            if (part != null && !part.isBlank()) meta.append(part).append('\n');
        }
        d.add(new TextField(META, meta.toString(), Field.Store.NO));
        if (a.summary() != null) d.add(new StoredField(SUMMARY, a.summary()));
        // Bodies are sanitized HTML: dropping the tags and unescaping entities is enough, and far cheaper than a DOM.
        String body = org.jsoup.parser.Parser.unescapeEntities(TAG.matcher(a.body()).replaceAll(" "), false).strip();
        d.add(new Field(BODY, body, BODY_TYPE));
        d.add(new StoredField(BODY, lead(body)));
        d.add(new TextField(folded(BODY), body, Field.Store.NO));
        for (String slug : a.bylineSlugs().split("\n")) if (!slug.isEmpty()) d.add(new StringField(AUTHOR, slug, Field.Store.NO));
        d.add(new StringField(SECTION, a.sectionSlug(), Field.Store.NO));
        long millis = a.publishedAt().toEpochMilli();
        d.add(new LongPoint(PUBLISHED, millis));
        d.add(new NumericDocValuesField(PUBLISHED, millis));
        return d;
    }

    /** The body's first {@link #SNIPPET_SOURCE_CHARS} characters, not cutting a surrogate pair in two. */
    static String lead(String body) {
        if (body.length() <= SNIPPET_SOURCE_CHARS) return body;
        int end = Character.isHighSurrogate(body.charAt(SNIPPET_SOURCE_CHARS - 1)) ? SNIPPET_SOURCE_CHARS - 1 : SNIPPET_SOURCE_CHARS;
        return body.substring(0, end);
    }

    /** The result line of hit {@code doc}, read from doc values only. */
    static Teaser teaser(IndexSearcher searcher, int doc) throws IOException {
        LeafReaderContext leaf = leaf(searcher, doc);
        int local = doc - leaf.docBase;
        var teasers = DocValues.getBinary(leaf.reader(), TEASER);
        String[] t = teasers.advanceExact(local) ? teasers.binaryValue().utf8ToString().split(UNIT, -1) : new String[] {"", "", "", ""};
        Instant at = Instant.ofEpochMilli(publishedMillis(leaf, local));
        // Documents written before the kind was indexed have four columns: they read as news until reindexed.
        String kind = t.length > 4 ? t[4] : "news";
        return new Teaser(articleId(searcher, doc), t[0], t[1], null, null, null, t[2], t[3], at, 0, 0, kind);
    }

    static long articleId(IndexSearcher searcher, int doc) throws IOException {
        LeafReaderContext leaf = leaf(searcher, doc);
        NumericDocValues ids = DocValues.getNumeric(leaf.reader(), ARTICLE_ID);
        if (ids.advanceExact(doc - leaf.docBase)) return ids.longValue();
        return Long.parseLong(searcher.storedFields().document(doc).get(ID));
    }

    /** The publication time of the leaf's document {@code local}, 0 when it has none. */
    static long publishedMillis(LeafReaderContext leaf, int local) throws IOException {
        NumericDocValues published = DocValues.getNumeric(leaf.reader(), PUBLISHED);
        return published.advanceExact(local) ? published.longValue() : 0;
    }

    static LeafReaderContext leaf(IndexSearcher searcher, int doc) {
        var leaves = searcher.getIndexReader().leaves();
        return leaves.get(ReaderUtil.subIndex(doc, leaves));
    }
}
