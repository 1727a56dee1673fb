package org.nashir.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Collection;
import java.util.TreeSet;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Tells a CDN in front which pages a change made out of date: {@code POST NASHIR_PURGE_URL} with
 * {@code {"keys":["article:12","list:all",…]}} (the same keys pages carry in {@code Surrogate-Key}), or
 * {@code {"all":true}} when everything changed, with {@code Authorization: Bearer NASHIR_PURGE_TOKEN} when set.
 * Sent in the background, after the change is committed (a slow CDN never slows a save), tried twice; a failure is
 * logged and the CDN's own expiry ({@code s-maxage}) still bounds how long it serves the old page.
 */
public final class Purge {
    private static final Logger log = LoggerFactory.getLogger(Purge.class);
    private final URI url;
    private final String token;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final ThreadPoolExecutor sender = new ThreadPoolExecutor(1, 1, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(1_000),
        Thread.ofPlatform().name("cdn-purge").daemon().factory());

    /** No purges when {@code url} is empty. */
    public Purge(String url, String token) {
        this.url = url == null || url.isBlank() ? null : URI.create(url.strip());
        this.token = token == null || token.isBlank() ? null : token.strip();
    }

    public void keys(Collection<String> keys) {
        if (url == null || keys.isEmpty()) return;
        StringBuilder json = new StringBuilder("{\"keys\":[");
        for (String k : new TreeSet<>(keys)) {
            if (json.charAt(json.length() - 1) != '[') json.append(',');
            json.append('"').append(k.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        send(json.append("]}").toString());
    }

    public void all() {
        if (url != null) send("{\"all\":true}");
    }

    private void send(String body) {
        try {
            sender.execute(() -> {
                for (int attempt = 1; attempt <= 2; attempt++) {
                    try {
                        HttpRequest.Builder b = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(5))
                            .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
                        if (token != null) b.header("Authorization", "Bearer " + token);
                        int status = client.send(b.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
                        if (status < 300) return;
                        log.warn("CDN purge answered {} (attempt {}): {}", status, attempt, body);
                    } catch (java.io.IOException e) {
                        log.warn("CDN purge failed (attempt {}): {}", attempt, e.toString());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                    try {
                        Thread.sleep(1_000);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            });
        } catch (RejectedExecutionException e) {
            log.warn("CDN purges are backing up; dropped one: {}", body);
        }
    }
}
