package org.nashir.web;

import io.javalin.http.Context;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * {@code /health}: what an operator or a load balancer asks. Each check names a problem or returns null; a check that
 * does not answer within two seconds is a problem too (a database that hangs is as down as one that refuses). 200
 * with {@code {"status":"ok"}} when all is well, 503 with {@code {"status":"degraded","problems":{…}}} otherwise:
 * cached pages may still be served meanwhile, and the answer says so.
 */
public final class Health {
    private static final long TIMEOUT_MS = 2000;
    private final Map<String, Supplier<String>> checks;

    public Health(Map<String, Supplier<String>> checks) {
        this.checks = new LinkedHashMap<>(checks);
    }

    public void handle(Context ctx) {
        Map<String, String> problems = problems();
        ctx.header("Cache-Control", "no-store");
        if (problems.isEmpty()) {
            ctx.json(Map.of("status", "ok"));
        } else {
            ctx.status(503).json(Map.of("status", "degraded", "problems", problems));
        }
    }

    /** The problems found now, by check name; empty when all is well. */
    public Map<String, String> problems() {
        Map<String, CompletableFuture<String>> running = new LinkedHashMap<>();
        checks.forEach((name, check) -> running.put(name, CompletableFuture.supplyAsync(() -> {
            try {
                return check.get();
            } catch (RuntimeException e) {
                return e.toString();
            }
        }, r -> Thread.ofVirtual().name("health-" + name).start(r))));
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(TIMEOUT_MS);
        Map<String, String> problems = new java.util.TreeMap<>();
        running.forEach((name, future) -> {
            try {
                String problem = future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (problem != null) problems.put(name, problem);
            } catch (TimeoutException e) {
                problems.put(name, "no answer within " + TIMEOUT_MS + " ms");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                problems.put(name, "interrupted");
            } catch (java.util.concurrent.ExecutionException e) {
                problems.put(name, String.valueOf(e.getCause()));
            }
        });
        return problems;
    }
}
