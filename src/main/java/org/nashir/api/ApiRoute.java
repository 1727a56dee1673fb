package org.nashir.api;

import io.javalin.http.Handler;

/** One URL of the JSON API. The list of them is what the server registers and what the OpenAPI document must describe. */
public record ApiRoute(String method, String path, Handler handler) {}
