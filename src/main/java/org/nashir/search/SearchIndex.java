package org.nashir.search;

import org.nashir.arabic.ArabicStemmer;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.FSDirectory;
import org.nashir.article.ArticleStore;
import org.nashir.storage.ChangeFeed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The Lucene index under {@code <data>/index}, kept in step with the database by the change feed. Each commit
 * records the last change applied ({@code seq}), so after a crash the index replays from there: nothing is lost
 * between "row committed" and "index updated". The index lives in a generation folder named by
 * {@code <data>/index/CURRENT}; {@code reindex} builds the next generation beside it while the site keeps
 * searching the old one, then switches the pointer, and running nodes follow.
 */
public final class SearchIndex implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SearchIndex.class);
    static final String SEQ = "nashir.seq";
    /**
     * Stamped on every commit: which analysis made the terms. A query analysed one way cannot find terms indexed
     * another, so an index stamped with another analysis (or none, from before the stamp) is rebuilt on start.
     * Bump it whenever {@link ArabicStemmer} or {@link ArabicAnalysis} would turn some word into other terms.
     */
    static final String ANALYSIS = "nashir.analysis";
    static final String ANALYSIS_VERSION = "4";
    private static final int BATCH = 500;

    private final Path root;
    private final ArticleStore articles;
    private final ChangeFeed changes;
    private final Set<Long> dirty = new LinkedHashSet<>();
    /** Why the last commit failed, until one succeeds. */
    private Exception failure;
    private String generation;
    private org.apache.lucene.store.Directory directory;
    /** How a generation's folder is opened: the file system, or in a test a disk that fills up. */
    private final Opener opener;
    private IndexWriter writer;
    private SearcherManager searchers;
    private long seq;
    /** Bumped at every commit: cached search results carry the version they were computed at. */
    private final java.util.concurrent.atomic.AtomicLong version = new java.util.concurrent.atomic.AtomicLong();

    /** Opens an index folder. */
    @FunctionalInterface
    interface Opener {
        org.apache.lucene.store.Directory open(Path folder) throws IOException;
    }

    public SearchIndex(Path root, ArticleStore articles, ChangeFeed changes) {
        this(root, articles, changes, FSDirectory::open);
    }

    SearchIndex(Path root, ArticleStore articles, ChangeFeed changes, Opener opener) {
        this.opener = opener;
        this.root = root;
        this.articles = articles;
        this.changes = changes;
        open(currentGeneration());
        String why = null;
        if (!ANALYSIS_VERSION.equals(liveData().get(ANALYSIS))) why = "was built by another version of the Arabic analysis";
        else if (seq < changes.oldest() - 1) why = "is older than the change feed kept (changes after " + seq + " were pruned)";
        // A new node's empty index: reading the articles is far quicker than replaying every change since the site began.
        else if (seq == 0 && writer.getDocStats().maxDoc == 0 && changes.latest() > 0) why = "is empty";
        if (why != null) {
            log.warn("the search index at {} {}; rebuilding it from the articles", root.resolve(generation), why);
            String old = generation;
            try {
                closeQuietly();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot close the search index at " + root.resolve(old), e);
            }
            long t0 = System.nanoTime();
            long count = rebuild(root, articles, changes);
            log.info("search index built from the database: {} articles in {} ms", count, (System.nanoTime() - t0) / 1_000_000);
            open(currentGeneration());
            deleteTree(root.resolve(old));
        }
        catchUp();
        changes.subscribe(this::apply);
        changes.afterEachPoll(this::commit);
    }

    /** A new, empty index folder for generation {@code name}, or the existing one. */
    private synchronized void open(String name) {
        try {
            Files.createDirectories(root.resolve(name));
            directory = opener.open(root.resolve(name));
            writer = new IndexWriter(directory, new IndexWriterConfig(new ArabicAnalysis()).setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND));
            Map<String, String> data = liveData();
            seq = Long.parseLong(data.getOrDefault(SEQ, "0"));
            // A new folder (never committed to) is as good as one built by this analysis.
            if (writer.getDocStats().maxDoc == 0 && !data.containsKey(SEQ)) writer.setLiveCommitData(stamp(seq).entrySet());
            writer.commit();
            searchers = new SearcherManager(writer, null);
            generation = name;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the search index at " + root.resolve(name), e);
        }
    }

    private Map<String, String> liveData() {
        return writer.getLiveCommitData() == null ? Map.of() : toMap(writer.getLiveCommitData());
    }

    private static Map<String, String> stamp(long seq) {
        return Map.of(SEQ, Long.toString(seq), ANALYSIS, ANALYSIS_VERSION);
    }

    private static Map<String, String> toMap(Iterable<Map.Entry<String, String>> entries) {
        Map<String, String> m = new java.util.HashMap<>();
        for (Map.Entry<String, String> e : entries) m.put(e.getKey(), e.getValue());
        return m;
    }

    /** Replays every change the index has not seen yet (after a crash, or on a node that was down). */
    public synchronized void catchUp() {
        List<ChangeFeed.Change> batch;
        while (!(batch = changes.listAfter(seq, 5_000)).isEmpty()) {
            for (ChangeFeed.Change c : batch) apply(c);
            commit();
        }
    }

    /** Notes which articles a change touches; {@link #commit} writes them. */
    synchronized void apply(ChangeFeed.Change c) {
        if (c.seq() <= seq) return;
        switch (c.entity()) {
            case ARTICLE -> dirty.add(c.entityId());
            case SECTION, TAG, AUTHOR -> dirty.addAll(articles.listIdsLinkedTo(c.entity().code(), c.entityId()));
            case DESK, PAGE, UNKNOWN -> { }
        }
        seq = c.seq();
    }

    /**
     * Re-reads the touched articles, updates or deletes their documents, commits with the seq, and refreshes readers.
     * A failure (a full disk, a file system gone read-only) does not propagate: the database write that caused this
     * is committed and answered; the touched articles stay noted, {@link #problem} says what is wrong, and the next
     * call (the feed polls every second) reopens the index from its last commit, replays the feed since then and
     * writes everything, once there is room again. Lucene closes its writer for good after some failures, so the
     * writer is opened anew rather than retried.
     */
    synchronized void commit() {
        try {
            if (failure != null) reopen();
            write();
            if (failure != null) log.info("the search index at {} is written again", root.resolve(generation));
            failure = null;
        } catch (IOException | RuntimeException e) {
            if (failure == null) log.error("the search index at {} cannot be written; it will retry every second: {}", root.resolve(generation), e.toString());
            failure = e;
        }
    }

    private void write() throws IOException {
        followReindex();
        if (dirty.isEmpty() && seq == committedSeq()) return;
        for (List<Long> chunk : chunks(dirty)) {
            Set<Long> missing = new LinkedHashSet<>(chunk);
            for (ArticleStore.Indexable a : articles.listIndexable(chunk)) {
                writer.updateDocument(SearchDocument.idTerm(a.id()), SearchDocument.of(a));
                missing.remove(a.id());
            }
            for (long id : missing) writer.deleteDocuments(SearchDocument.idTerm(id));
        }
        dirty.clear();
        writer.setLiveCommitData(stamp(seq).entrySet());
        writer.commit();
        searchers.maybeRefresh();
        version.incrementAndGet();
    }

    /** Opens the index again from its last commit and notes every change since then to be written. */
    private void reopen() {
        org.apache.lucene.util.IOUtils.closeWhileHandlingException(searchers, writer, directory);
        open(generation);
        List<ChangeFeed.Change> batch;
        while (!(batch = changes.listAfter(seq, 5_000)).isEmpty()) for (ChangeFeed.Change c : batch) apply(c);
    }

    /** What stops the index from being written, or null: for /health. */
    public synchronized String problem() {
        Exception f = failure;
        return f == null ? null : "the search index cannot be written (" + f.getMessage() + "); new and changed articles are not searchable until it can";
    }

    private long committedSeq() throws IOException {
        return Long.parseLong(liveData().getOrDefault(SEQ, "0"));
    }

    private static List<List<Long>> chunks(Collection<Long> ids) {
        List<Long> all = List.copyOf(ids);
        List<List<Long>> out = new java.util.ArrayList<>();
        for (int i = 0; i < all.size(); i += BATCH) out.add(all.subList(i, Math.min(all.size(), i + BATCH)));
        return out;
    }

    /** A searcher over the latest refreshed state; release it with {@link #release}. */
    public synchronized IndexSearcher acquire() throws IOException {
        return searchers.acquire();
    }

    public synchronized void release(IndexSearcher s) throws IOException {
        searchers.release(s);
    }

    public long seq() {
        return seq;
    }

    /** The articles search can find, for the gauge an operator compares with the site's article count. */
    public synchronized long documents() {
        return writer.getDocStats().numDocs;
    }

    public void bindTo(io.micrometer.core.instrument.MeterRegistry registry) {
        io.micrometer.core.instrument.Gauge.builder("nashir.search.documents", this, SearchIndex::documents)
            .description("articles in this node's search index").register(registry);
    }

    /** Changes whenever what search can find may have changed. */
    public long version() {
        return version.get();
    }

    private Path currentFile() {
        return root.resolve("CURRENT");
    }

    private String currentGeneration() {
        try {
            Files.createDirectories(root);
            if (Files.exists(currentFile())) return Files.readString(currentFile(), StandardCharsets.UTF_8).strip();
            writeCurrent(root, "g1");
            return "g1";
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + currentFile(), e);
        }
    }

    /** When {@code reindex} has switched CURRENT to a new generation, open it, catch it up, and drop the old one. */
    private void followReindex() throws IOException {
        if (!Files.exists(currentFile())) return;
        String current = Files.readString(currentFile(), StandardCharsets.UTF_8).strip();
        if (current.equals(generation)) return;
        String old = generation;
        Set<Long> pending = new LinkedHashSet<>(dirty);
        closeQuietly();
        open(current);
        dirty.addAll(pending);
        log.info("search index switched from {} to {} at change {}", old, current, seq);
        for (ChangeFeed.Change c : changes.listAfter(seq, Integer.MAX_VALUE)) apply(c);
        deleteTree(root.resolve(old));
    }

    /**
     * Builds generation {@code next} from the database (what {@code reindex} runs) and points CURRENT at it.
     * Changes made during the build are replayed by whoever opens it, from the seq recorded before reading.
     * Returns the number of articles indexed.
     */
    public static long rebuild(Path root, ArticleStore articles, ChangeFeed changes) {
        long startSeq = changes.latest();
        String next = "g" + System.currentTimeMillis();
        Path dir = root.resolve(next);
        long count = 0;
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        try (FSDirectory d = FSDirectory.open(dir);
             IndexWriter w = new IndexWriter(d, new IndexWriterConfig(new ArabicAnalysis()).setOpenMode(IndexWriterConfig.OpenMode.CREATE)
                 // Large buffers build faster, but a node started with the launcher's small heap must not run out of it.
                 .setRAMBufferSizeMB(Math.max(16, Math.min(256, Runtime.getRuntime().maxMemory() / 4 / (1024 * 1024)))));
             java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads)) {
            // One thread reads batches from the database while the others analyse and add documents (IndexWriter is thread-safe).
            List<java.util.concurrent.Future<?>> inFlight = new java.util.ArrayList<>();
            long after = 0;
            List<ArticleStore.Indexable> batch;
            while (!(batch = articles.listIndexableAfter(after, BATCH)).isEmpty()) {
                List<ArticleStore.Indexable> work = batch;
                inFlight.add(pool.submit(() -> {
                    for (ArticleStore.Indexable a : work) w.addDocument(SearchDocument.of(a));
                    return null;
                }));
                count += batch.size();
                after = batch.getLast().id();
                while (inFlight.size() > threads * 2) inFlight.removeFirst().get();
            }
            for (java.util.concurrent.Future<?> f : inFlight) f.get();
            w.setLiveCommitData(stamp(startSeq).entrySet());
            w.commit();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("reindex interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("cannot build the search index at " + dir, e.getCause());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build the search index at " + dir, e);
        }
        writeCurrent(root, next);
        return count;
    }

    private static void writeCurrent(Path root, String generation) {
        try {
            Path tmp = root.resolve("CURRENT.tmp");
            Files.writeString(tmp, generation, StandardCharsets.UTF_8);
            Files.move(tmp, root.resolve("CURRENT"), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot switch the search index to " + generation, e);
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            log.warn("could not delete the old search index {}", dir, e);
        }
    }

    private void closeQuietly() throws IOException {
        searchers.close();
        writer.close();
        directory.close();
    }

    @Override
    public synchronized void close() {
        try {
            commit();
            closeQuietly();
        } catch (IOException | RuntimeException e) {
            log.warn("closing the search index at {} failed; it will catch up on the next start", root.resolve(generation), e);
        }
    }
}
