package org.nashir.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Requests to the JSON API as a script sends them: any method, a JSON body, an optional bearer token. */
public final class Api {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private Api() {}

    public static HttpResponse<String> send(TestSite site, String method, String path, String token, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(site.url(path))).method(method,
            body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json");
        if (token != null) b.header("Authorization", "Bearer " + token);
        HttpRequest request = b.build();
        // An anonymous GET may be answered from the page cache: read what the next client sees (TestSite.get).
        return method.equals("GET") && token == null ? site.afterRevalidation(() -> send(request)) : send(request);
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
