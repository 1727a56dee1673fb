package org.nashir.web;

import io.javalin.http.Context;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * What an operator or a load balancer asks. {@code /health} is liveness: it answers 200 whenever the process serves
 * (restarting a node whose database is down would not bring the database back), with {@code "status":"degraded"} and
 * the problems found when something is wrong. {@code /ready} is whether this node should get traffic: 200 when
 * every readiness check passes, else 503 with the reasons, so a balancer sends readers elsewhere while the node's
 * database is unreachable, its search index lags or it drains before stopping. Each check names a problem or returns
 * null; one that does not answer in time is a problem too (a database that hangs is as down as one that refuses).
 */
public final class Health {
    private static final long TIMEOUT_MS = 1500;
    private final Map<String, Supplier<String>> checks;
    private final Map<String, Supplier<String>> readiness;

    /**
     * {@code checks} are what {@code /health} reports (the database, pages served stale after failed renders…);
     * {@code readiness} alone decides {@code /ready} (the database answering now, the index's lag, draining): a node
     * whose database is back is ready at once, even while {@code /health} still mentions the failures of the last minute.
     */
    public Health(Map<String, Supplier<String>> checks, Map<String, Supplier<String>> readiness) {
        this.checks = new LinkedHashMap<>(checks);
        this.readiness = new LinkedHashMap<>(readiness);
    }

    /** {@code GET /health}. */
    public void handle(Context ctx) {
        Map<String, String> problems = problems(checks);
        ctx.header("Cache-Control", "no-store");
        ctx.json(problems.isEmpty() ? Map.of("status", "ok") : Map.of("status", "degraded", "problems", problems));
    }

    /** {@code GET /ready}. */
    public void ready(Context ctx) {
        Map<String, String> problems = problems(readiness);
        ctx.header("Cache-Control", "no-store");
        if (problems.isEmpty()) {
            ctx.json(Map.of("status", "ready"));
        } else {
            ctx.status(503).header("Retry-After", "5").json(Map.of("status", "not_ready", "problems", problems));
        }
    }

    /** The problems {@code of} these checks find now, by check name; empty when all is well. */
    public Map<String, String> problems() {
        return problems(checks);
    }

    private static Map<String, String> problems(Map<String, Supplier<String>> of) {
        Map<String, CompletableFuture<String>> running = new LinkedHashMap<>();
        of.forEach((name, check) -> running.put(name, CompletableFuture.supplyAsync(() -> {
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
