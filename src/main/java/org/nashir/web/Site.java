package org.nashir.web;

import org.nashir.config.Settings;
import org.nashir.arabic.ArabicFormat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/** The site's identity and formatters, and the {@link Frame} every page is rendered in. */
public final class Site {
    private final Settings settings;
    private final Supplier<List<NavLink>> navigation;
    private final Supplier<List<NavLink>> ticker;
    private final Function<String, List<MenuItem>> menus;
    /** The only third parties a page may frame (players of embedded posts), and only once a reader asks. */
    private final List<String> frameHosts;
    private final byte[] favicon;
    private final ArabicFormat fmt;
    private final Messages messages;
    private final String css;
    private final String cssHash;
    private final String assetVersion;
    private final String importMap;
    private final String importMapHash;

    /**
     * {@code navigation} gives the sections' links, {@code ticker} the live urgent lines and {@code menus} the
     * {@code header} and {@code footer} menus, all read again for every render (cached pages are dropped by the
     * change feed when any of them changes). An empty header menu means the sections are the navigation.
     */
    public Site(Settings settings, Supplier<List<NavLink>> navigation, Supplier<List<NavLink>> ticker, Function<String, List<MenuItem>> menus,
                List<String> frameHosts, Clock clock) {
        this.settings = settings;
        this.frameHosts = List.copyOf(frameHosts);
        this.menus = menus;
        this.navigation = navigation;
        this.ticker = ticker;
        this.favicon = resource("/static/favicon.svg").getBytes(StandardCharsets.UTF_8);
        this.fmt = new ArabicFormat(settings.locale(), settings.timeZone(), settings.arabicIndicDigits(), settings.hijriDates(), clock);
        this.messages = new Messages(settings.locale());
        this.css = resource("/static/site.css");
        this.cssHash = sha256(css);
        // Static files are cached for a year; their URLs carry this version so a new release is fetched at once.
        this.assetVersion = sha256(resource("/static/nashir.js") + resource("/static/favicon.svg")
            + resource("/static/admin.css") + resource("/static/editor.js")).replaceAll("[^A-Za-z0-9]", "").substring(0, 10);
        this.importMap = EditorModules.importMap();
        this.importMapHash = sha256(importMap);
    }

    public Frame frame(String title, String description, String canonicalPath) {
        Shows.record(Shows.NAV, Shows.TICKER);
        List<NavLink> nav = navigation.get();
        lastNavigation = nav;
        return new Frame(settings.siteName(), title, description == null ? settings.siteDescription() : description,
            settings.baseUrl() + canonicalPath, settings.locale().toLanguageTag(), nav, ticker.get(), menus.apply("header"), menus.apply("footer"), canonicalPath, fmt, messages, css, assetVersion);
    }

    /** The sections' links as the last page rendered read them: what error pages show, without asking the database. */
    private volatile List<NavLink> lastNavigation;

    /**
     * The frame for an error page, which must render even when the database is what failed, and at once: with the
     * navigation the last page read (asking the database again would keep the reader waiting for the pool when it
     * is down); read now only if no page was rendered yet, and left out if that fails.
     */
    Frame errorFrame(String title, String description, String path) {
        List<NavLink> nav = lastNavigation;
        if (nav == null) {
            try {
                nav = navigation.get();
            } catch (RuntimeException databaseDown) {
                nav = List.of();
            }
        }
        return new Frame(settings.siteName(), title, description, settings.baseUrl() + path, settings.locale().toLanguageTag(),
            nav, List.of(), List.of(), List.of(), path, fmt, messages, css, assetVersion);
    }

    /** {@code GET /favicon.ico}: browsers ask for it whatever the page says; the SVG answers. */
    public void favicon(io.javalin.http.Context ctx) {
        ctx.header("Cache-Control", "public, max-age=604800").contentType("image/svg+xml").result(favicon);
    }

    public ArabicFormat fmt() {
        return fmt;
    }

    public Messages messages() {
        return messages;
    }

    /** The version that static files' URLs carry, so a new release is fetched at once despite a year's caching. */
    public String assetVersion() {
        return assetVersion;
    }

    /** The back-office editor's import map (an inline script whose hash the CSP allows). */
    public String importMap() {
        return importMap;
    }

    public Settings settings() {
        return settings;
    }

    /**
     * The Content-Security-Policy: only our own scripts (and the editor's import map), only the one inline stylesheet
     * we ship, and frames only from the embed players' hosts.
     */
    public String contentSecurityPolicy() {
        return "default-src 'self'; script-src 'self' 'sha256-" + importMapHash + "'; style-src 'self' 'sha256-" + cssHash + "'; img-src 'self' data: https:; "
            + "frame-src " + (frameHosts.isEmpty() ? "'none'" : String.join(" ", frameHosts)) + "; "
            + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
    }

    private static String resource(String name) {
        try (InputStream in = Site.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException(name + " is missing from the class path");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
    }

    private static String sha256(String s) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
