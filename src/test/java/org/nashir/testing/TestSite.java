package org.nashir.testing;

import org.nashir.Nashir;
import org.nashir.config.Settings;
import org.nashir.article.Article;
import org.nashir.article.BodyHtml;
import org.nashir.article.NewArticle;
import org.nashir.storage.Dialect;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A whole Nashir on a real database and a real HTTP port, with a clock the test controls. */
public final class TestSite implements AutoCloseable {
    public static final String BROWSER_UA = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0 Safari/537.36";

    public final Nashir nashir;
    public final MutableClock clock;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private int port;

    private TestSite(Nashir nashir, MutableClock clock) {
        this.nashir = nashir;
        this.clock = clock;
    }

    public static TestSite create(Dialect dialect, Path dir, Map<String, String> more) {
        Map<String, String> values = new HashMap<>();
        values.put("NASHIR_PORT", "0");
        values.put("NASHIR_DATA_DIR", dir.toString());
        values.put("NASHIR_DB_URL", TestDatabases.url(dialect, dir));
        values.put("NASHIR_DB_USER", "postgres");
        values.putAll(more);
        MutableClock clock = new MutableClock(Instant.parse("2026-11-29T09:00:00Z"));
        return new TestSite(new Nashir(Settings.load(values, Map.of()), clock), clock);
    }

    public static TestSite create(Path dir) {
        return create(Dialect.SQLITE, dir, Map.of());
    }

    public static TestSite create(Path dir, Map<String, String> more) {
        return create(Dialect.SQLITE, dir, more);
    }

    public TestSite start() {
        port = nashir.start();
        return this;
    }

    public String url(String path) {
        return "http://localhost:" + port + path;
    }

    /**
     * What a reader sees at {@code path}: when the answer was a stale page (PageCache's stale-while-revalidate answers
     * the previous version of a page in demand while it renders it again), the answer once that render is done, as
     * the next reader gets it.
     */
    public HttpResponse<String> get(String path, String... headers) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url(path))).headers(withUa(headers)).GET().build();
        return afterRevalidation(() -> send(request));
    }

    /** {@code read} (a browser loading a page, say), again once the pages it found stale are rendered (see get). */
    public <T> T afterRevalidation(java.util.function.Supplier<T> read) {
        // Any stale answer, not only one that started a background render: a render another read started may still run.
        long before = nashir.pages.counts().stale();
        T answer = read.get();
        if (nashir.pages.counts().stale() == before) return answer;
        nashir.pages.awaitRevalidations(java.time.Duration.ofSeconds(10));
        return read.get();
    }

    /**
     * A browser loading {@code path}, and loading it again once the pages it found stale are rendered: what a reader
     * sees on the next visit. Without it a test that changes a page it read less than {@code PageCache.HOT} before
     * may see the previous version (stale while revalidating, as a reader in a crowd does).
     */
    public void load(org.openqa.selenium.WebDriver browser, String path) {
        afterRevalidation(() -> {
            browser.get(url(path));
            return null;
        });
    }

    public HttpResponse<String> post(String path, String... headers) {
        return send(HttpRequest.newBuilder(URI.create(url(path))).headers(withUa(headers)).POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    private static String[] withUa(String[] headers) {
        for (int i = 0; i < headers.length; i += 2) if (headers[i].equalsIgnoreCase("User-Agent")) return headers;
        String[] out = java.util.Arrays.copyOf(headers, headers.length + 2);
        out[headers.length] = "User-Agent";
        out[headers.length + 1] = BROWSER_UA;
        return out;
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Publishes an article through the real write path; returns its id. */
    public long publish(String section, String title, Instant at, String... paragraphs) {
        return nashir.imports.create(article(section, title, at, paragraphs)).id();
    }

    public static NewArticle article(String section, String title, Instant at, String... paragraphs) {
        return new NewArticle(title, null, null, BodyHtml.fromParagraphs(List.of(paragraphs.length == 0 ? new String[] {"نص " + title} : paragraphs)),
            List.of("فريق التحرير"), null, null, section, List.of(), null, Article.PUBLISHED, at, 0, null, null);
    }

    @Override
    public void close() {
        nashir.close();
    }
}
