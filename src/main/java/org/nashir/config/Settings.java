package org.nashir.config;

import org.nashir.storage.Database;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Everything an operator can set, read once at start: command-line flags win over environment variables
 * ({@code NASHIR_*}), which win over the properties file ({@code NASHIR_CONFIG}, same keys), which win over
 * the defaults below. Invalid values stop the start with a message naming the setting.
 */
public record Settings(
    int port,
    Path dataDir,
    String dbUrl,
    String dbUser,
    String dbPassword,
    Locale locale,
    ZoneId timeZone,
    boolean arabicIndicDigits,
    boolean hijriDates,
    String siteName,
    String siteDescription,
    String baseUrl,
    int pageCacheSeconds,
    int viewFlushSeconds,
    int mediaMaxMegabytes,
    int searchesPerMinute,
    int commentsPerAddress,
    int commentsPerArticle,
    java.time.Duration sessionLifetime,
    java.time.Duration sessionIdle,
    TrustedProxies trustedProxies,
    java.util.List<String> commentBlocklist,
    java.util.Map<String, String> commentOutcomes,
    int commentTrustAfter,
    boolean feedFullContent,
    boolean embedTitles,
    String metricsToken,
    String accessLog,
    int slowRequestMillis,
    int httpThreads,
    int shedConcurrency,
    int shedPauseMillis,
    int backOfficeThreads,
    String purgeUrl,
    String purgeToken,
    int drainSeconds,
    Path secretFile,
    int feedPollMillis,
    S3 s3,
    int dbWaitMillis,
    int dbStatementMillis
) {
    /** An S3-compatible bucket for media ({@code NASHIR_S3_*}), or null: files stay under {@code <data>/media}. */
    public record S3(String endpoint, String bucket, String region, String accessKey, String secretKey) {}

    /** Each setting: its name, default and meaning; the README's configuration table mirrors this list. */
    static final List<String[]> KNOWN = List.of(
        new String[] {"NASHIR_PORT", "8080", "HTTP port"},
        new String[] {"NASHIR_DATA_DIR", "./data", "data folder: SQLite file, search index, media"},
        new String[] {"NASHIR_DB_URL", "jdbc:sqlite:<data>/nashir.db", "database; a jdbc:postgresql: URL switches to PostgreSQL"},
        new String[] {"NASHIR_DB_USER", "", "PostgreSQL user"},
        new String[] {"NASHIR_DB_PASSWORD", "", "PostgreSQL password"},
        new String[] {"NASHIR_LOCALE", "ar-SY", "site locale; decides month names (ar-SY تشرين الثاني, ar-EG نوفمبر, ar-TN جانفي, ar-MA نونبر)"},
        new String[] {"NASHIR_TIME_ZONE", "Asia/Damascus", "time zone for dates, archives and schedules"},
        new String[] {"NASHIR_DIGITS", "latin", "latin (10056) or arabic (١٠٠٥٦)"},
        new String[] {"NASHIR_HIJRI", "false", "show the Hijri date beside the Gregorian one"},
        new String[] {"NASHIR_SITE_NAME", "ناشر", "the site's name in the masthead and titles"},
        new String[] {"NASHIR_SITE_DESCRIPTION", "أخبار محلية وعربية ودولية على مدار الساعة", "the home page's meta description"},
        new String[] {"NASHIR_BASE_URL", "http://localhost:<port>", "public address, for canonical links"},
        new String[] {"NASHIR_PAGE_CACHE_SECONDS", "30", "how long a rendered page is served from memory"},
        new String[] {"NASHIR_VIEW_FLUSH_SECONDS", "1", "how often counted views are written to the database (a process killed outright loses at most this much of them; a stop loses none)"},
        new String[] {"NASHIR_MEDIA_MAX_MB", "10", "largest image upload accepted, in megabytes"},
        new String[] {"NASHIR_SEARCHES_PER_MINUTE", "120", "searches one address may make per minute (page and API together)"},
        new String[] {"NASHIR_COMMENTS_PER_ADDRESS", "5", "comments one address may send in 10 minutes (then 429)"},
        new String[] {"NASHIR_COMMENTS_PER_ARTICLE", "30", "comments one article may take in a minute, from everyone together (then 429)"},
        new String[] {"NASHIR_SESSION_HOURS", "12", "a back-office session ends this many hours after signing in, however busy"},
        new String[] {"NASHIR_SESSION_IDLE_MINUTES", "480", "a back-office session ends after this many minutes without a request (a shift by default: a writer may spend hours on one story)"},
        new String[] {"NASHIR_COMMENT_BLOCKLIST", "", "comma-separated words that mark a comment as spam (matched after Arabic folding, so spelling variants count)"},
        new String[] {"NASHIR_COMMENT_OUTCOMES", "", "rule=outcome pairs overriding the spam rules' outcomes (reject, hold, spam), e.g. links=hold,no-token=spam"},
        new String[] {"NASHIR_COMMENT_TRUST_AFTER", "0", "show comments at once from an email with this many approved comments and none marked spam (0: always moderate)"},
        new String[] {"NASHIR_FEED_CONTENT", "summary", "what feeds carry of each article: summary, or full (the whole body as HTML)"},
        new String[] {"NASHIR_EMBED_TITLES", "true", "look up an embedded post's title when an article is saved (oEmbed, public addresses only); false for a site without internet access"},
        new String[] {"NASHIR_METRICS_TOKEN", "", "when set, /metrics answers only requests with Authorization: Bearer <this token>; when empty, only requests from this machine (loopback)"},
        new String[] {"NASHIR_ACCESS_LOG", "off", "one line per request in the log: off, text, or json"},
        new String[] {"NASHIR_SLOW_REQUEST_MS", "1000", "requests slower than this are logged as slow (with their route and time); 0 turns it off"},
        new String[] {"NASHIR_HTTP_THREADS", "32", "the web server's threads at most (each costs memory; on a 2-core server more only wait)"},
        new String[] {"NASHIR_SHED_CONCURRENCY", "cores", "anonymous requests no cache answers (searches, comment posts, archive pages) served at once, by default one fewer than the machine's processors (at least 1), so cached reads keep a core; more get 503 with Retry-After"},
        new String[] {"NASHIR_SHED_PAUSE_MS", "2000", "how long a refused anonymous request (503 under overload, 429 over the search or comment limits) waits, holding no thread, before its answer: a flooding client slows to this pace"},
        new String[] {"NASHIR_BACK_OFFICE_THREADS", "8", "threads of the web server the public site may not take, kept for the back office and API writes"},
        new String[] {"NASHIR_PURGE_URL", "", "a CDN's purge hook: after each change, POST {\"keys\":[…]} (the pages' Surrogate-Key values) or {\"all\":true} there; empty: no purges"},
        new String[] {"NASHIR_PURGE_TOKEN", "", "sent as Authorization: Bearer … with each purge"},
        new String[] {"NASHIR_DRAIN_SECONDS", "10 on PostgreSQL, 0 on SQLite", "on SIGTERM, how long the node keeps serving with /ready answering 503 (so the balancer moves readers away) before it stops taking requests; requests in flight then get up to 20 s more"},
        new String[] {"NASHIR_DB_WAIT_MS", "3000", "how long a request waits for a database connection before its reader gets the cached page or a 503 (and a writer a clear 503)"},
        new String[] {"NASHIR_DB_STATEMENT_MS", "5000", "on PostgreSQL, the longest a query of the site may run (0: no limit; the batch commands export, import, reindex, backup, restore and media have none)"},
        new String[] {"NASHIR_FEED_POLL_MS", "500", "how often a node reads the change table for other nodes' and other processes' writes (on PostgreSQL they are also announced at once with NOTIFY; this is the safety net)"},
        new String[] {"NASHIR_S3_BUCKET", "", "keep media in this S3-compatible bucket (MinIO, Garage, Ceph, AWS) instead of <data>/media: what several nodes need"},
        new String[] {"NASHIR_S3_ENDPOINT", "", "the S3 server's address (e.g. http://minio:9000); empty for AWS itself"},
        new String[] {"NASHIR_S3_REGION", "us-east-1", "the bucket's region"},
        new String[] {"NASHIR_S3_ACCESS_KEY", "", "the access key of an account that may read and write the bucket"},
        new String[] {"NASHIR_S3_SECRET_KEY", "", "its secret key"},
        new String[] {"NASHIR_SECRET_FILE", "<data>/secret.key", "the site's secret key (made there on first start when missing): every node of a site must read the same one"},
        new String[] {"NASHIR_BEHIND_PROXY", "false", "true when a reverse proxy on this machine adds X-Forwarded-For (the same as NASHIR_TRUSTED_PROXIES=127.0.0.0/8,::1)"},
        new String[] {"NASHIR_TRUSTED_PROXIES", "", "addresses and CIDR ranges of the proxies and balancers whose X-Forwarded-For is believed (e.g. 10.0.0.0/8, 192.168.1.5): the reader is the header's first address from the right that is not one of them; requests from elsewhere are taken at their connection's address"});

    /**
     * The comment rules a site may re-decide with {@code NASHIR_COMMENT_OUTCOMES}, and what each does by default
     * (reject: refused with a message; spam: stored hidden; hold: stored for moderation). The spam guard applies them.
     */
    public static final Map<String, String> COMMENT_RULE_DEFAULTS = Map.of("honeypot", "reject", "too-fast", "reject",
        "expired", "reject", "token", "reject", "banned", "reject", "duplicate", "reject", "links", "spam", "blocklist", "spam", "no-token", "hold");
    public static final java.util.Set<String> COMMENT_OUTCOMES = java.util.Set.of("reject", "hold", "spam");

    /** A setting with an unusable value; the message names it and says what is expected, in Arabic. */
    public static final class Invalid extends RuntimeException {
        Invalid(String message) {
            super(message);
        }
    }

    public static Settings load(Map<String, String> flags, Map<String, String> env) {
        Map<String, String> values = new HashMap<>();
        String file = flags.getOrDefault("NASHIR_CONFIG", env.get("NASHIR_CONFIG"));
        if (file != null && !file.isBlank()) values.putAll(readFile(Path.of(file)));
        env.forEach((k, v) -> {
            if (k.startsWith("NASHIR_")) values.put(k, v);
        });
        values.putAll(flags);
        return from(values);
    }

    private static Map<String, String> readFile(Path file) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new Invalid("NASHIR_CONFIG: تعذّرت قراءة ملف الإعدادات " + file + " (" + e.getMessage() + ")");
        }
        Map<String, String> m = new HashMap<>();
        p.forEach((k, v) -> m.put(k.toString(), v.toString()));
        return m;
    }

    static Settings from(Map<String, String> v) {
        List<String> errors = new ArrayList<>();
        for (String key : v.keySet()) {
            if (key.startsWith("NASHIR_") && !key.equals("NASHIR_CONFIG")
                && KNOWN.stream().noneMatch(k -> k[0].equals(key))) {
                errors.add(key + ": إعداد غير معروف");
            }
        }
        int port = intSetting(v, "NASHIR_PORT", 8080, 0, 65535, errors);
        Path data = Path.of(v.getOrDefault("NASHIR_DATA_DIR", "./data"));
        String dbUrl = v.getOrDefault("NASHIR_DB_URL", "");
        if (dbUrl.isBlank()) dbUrl = Database.sqliteUrl(data.resolve("nashir.db"));
        if (!dbUrl.startsWith("jdbc:sqlite:") && !dbUrl.startsWith("jdbc:postgresql:")) {
            errors.add("NASHIR_DB_URL: يجب أن يبدأ بـ jdbc:sqlite: أو jdbc:postgresql: (القيمة: " + dbUrl + ")");
        }
        Locale locale = Locale.forLanguageTag("ar-SY");
        String localeTag = v.getOrDefault("NASHIR_LOCALE", "ar-SY");
        try {
            locale = new Locale.Builder().setLanguageTag(localeTag).build();
            if (!locale.getLanguage().equals("ar")) errors.add("NASHIR_LOCALE: يجب أن تكون لغة عربية مثل ar-SY أو ar-EG (القيمة: " + localeTag + ")");
        } catch (IllformedLocaleException e) {
            errors.add("NASHIR_LOCALE: وسم لغة غير صالح: " + localeTag);
        }
        ZoneId zone = ZoneId.of("Asia/Damascus");
        String zoneName = v.getOrDefault("NASHIR_TIME_ZONE", "Asia/Damascus");
        try {
            zone = ZoneId.of(zoneName);
        } catch (DateTimeException e) {
            errors.add("NASHIR_TIME_ZONE: منطقة زمنية غير معروفة: " + zoneName + " (مثال: Asia/Damascus)");
        }
        String digits = v.getOrDefault("NASHIR_DIGITS", "latin");
        if (!digits.equals("latin") && !digits.equals("arabic")) {
            errors.add("NASHIR_DIGITS: القيم المقبولة latin أو arabic (القيمة: " + digits + ")");
        }
        boolean hijri = boolSetting(v, "NASHIR_HIJRI", errors);
        boolean proxy = boolSetting(v, "NASHIR_BEHIND_PROXY", errors);
        TrustedProxies proxies = proxy ? TrustedProxies.LOOPBACK : TrustedProxies.NONE;
        String trusted = v.getOrDefault("NASHIR_TRUSTED_PROXIES", "").strip();
        if (!trusted.isEmpty()) {
            try {
                proxies = TrustedProxies.parse(trusted);
            } catch (IllegalArgumentException e) {
                errors.add("NASHIR_TRUSTED_PROXIES: «" + e.getMessage() + "» ليس عنوانًا ولا نطاقًا (أمثلة: 10.0.0.5 أو 10.0.0.0/8 أو fd00::/8)");
            }
        }
        boolean embedTitles = !v.containsKey("NASHIR_EMBED_TITLES") || boolSetting(v, "NASHIR_EMBED_TITLES", errors);
        int trustAfter = intSetting(v, "NASHIR_COMMENT_TRUST_AFTER", 0, 0, 1_000, errors);
        java.util.Map<String, String> outcomes = new java.util.HashMap<>();
        for (String pair : v.getOrDefault("NASHIR_COMMENT_OUTCOMES", "").split(",")) {
            if (pair.isBlank()) continue;
            String[] kv = pair.split("=", 2);
            String rule = kv[0].strip(), outcome = kv.length == 2 ? kv[1].strip() : "";
            if (!COMMENT_RULE_DEFAULTS.containsKey(rule) || !COMMENT_OUTCOMES.contains(outcome)) {
                errors.add("NASHIR_COMMENT_OUTCOMES: «" + pair.strip() + "» غير مفهوم؛ القواعد: " + new java.util.TreeSet<>(COMMENT_RULE_DEFAULTS.keySet())
                    + " والنتائج: reject أو hold أو spam");
            } else {
                outcomes.put(rule, outcome);
            }
        }
        String baseUrl = v.getOrDefault("NASHIR_BASE_URL", "http://localhost:" + port).replaceAll("/+$", "");
        if (!baseUrl.startsWith("http://") && !baseUrl.startsWith("https://")) {
            errors.add("NASHIR_BASE_URL: يجب أن يبدأ بـ http:// أو https:// (القيمة: " + baseUrl + ")");
        }
        int cache = intSetting(v, "NASHIR_PAGE_CACHE_SECONDS", 30, 0, 86_400, errors);
        int flush = intSetting(v, "NASHIR_VIEW_FLUSH_SECONDS", 1, 1, 3_600, errors);
        int mediaMax = intSetting(v, "NASHIR_MEDIA_MAX_MB", 10, 1, 35, errors);
        int searches = intSetting(v, "NASHIR_SEARCHES_PER_MINUTE", 120, 1, 1_000_000, errors);
        int comments = intSetting(v, "NASHIR_COMMENTS_PER_ADDRESS", 5, 1, 1_000_000, errors);
        int commentsPerArticle = intSetting(v, "NASHIR_COMMENTS_PER_ARTICLE", 30, 1, 1_000_000, errors);
        int sessionHours = intSetting(v, "NASHIR_SESSION_HOURS", 12, 1, 24 * 90, errors);
        int sessionIdle = intSetting(v, "NASHIR_SESSION_IDLE_MINUTES", 480, 5, 60 * 24 * 90, errors);
        String feedContent = v.getOrDefault("NASHIR_FEED_CONTENT", "summary").strip();
        if (!feedContent.equals("summary") && !feedContent.equals("full")) {
            errors.add("NASHIR_FEED_CONTENT: القيم المقبولة summary أو full (القيمة: " + feedContent + ")");
        }
        String accessLog = v.getOrDefault("NASHIR_ACCESS_LOG", "off").strip();
        if (!List.of("off", "text", "json").contains(accessLog)) {
            errors.add("NASHIR_ACCESS_LOG: القيم المقبولة off أو text أو json (القيمة: " + accessLog + ")");
        }
        int slow = intSetting(v, "NASHIR_SLOW_REQUEST_MS", 1000, 0, 3_600_000, errors);
        int httpThreads = intSetting(v, "NASHIR_HTTP_THREADS", 32, 16, 2_000, errors);
        // Searches are CPU work: one core fewer than the machine has (at least one), since with both cores of a small
        // server searching, cached readers waited their turn (bench/flood.sh: readers' p99 70–79 ms with 2, 45–63 with 1).
        int shed = intSetting(v, "NASHIR_SHED_CONCURRENCY", Math.max(1, Runtime.getRuntime().availableProcessors() - 1), 1, 1_000, errors);
        int shedPause = intSetting(v, "NASHIR_SHED_PAUSE_MS", 2_000, 0, 10_000, errors);
        int reserved = intSetting(v, "NASHIR_BACK_OFFICE_THREADS", 8, 1, 1_000, errors);
        if (reserved >= httpThreads) errors.add("NASHIR_BACK_OFFICE_THREADS: يجب أن يكون أقل من NASHIR_HTTP_THREADS (" + httpThreads + ")");
        String purgeUrl = v.getOrDefault("NASHIR_PURGE_URL", "").strip();
        if (!purgeUrl.isEmpty() && !purgeUrl.matches("https?://\\S+")) errors.add("NASHIR_PURGE_URL: يجب أن يبدأ بـ http:// أو https:// (القيمة: " + purgeUrl + ")");
        S3 s3 = null;
        String bucket = v.getOrDefault("NASHIR_S3_BUCKET", "").strip();
        String endpoint = v.getOrDefault("NASHIR_S3_ENDPOINT", "").strip();
        if (!bucket.isEmpty()) {
            String access = v.getOrDefault("NASHIR_S3_ACCESS_KEY", "").strip(), secretKey = v.getOrDefault("NASHIR_S3_SECRET_KEY", "").strip();
            if (!endpoint.isEmpty() && !endpoint.matches("https?://\\S+")) errors.add("NASHIR_S3_ENDPOINT: يجب أن يبدأ بـ http:// أو https:// (القيمة: " + endpoint + ")");
            if (access.isEmpty() || secretKey.isEmpty()) errors.add("NASHIR_S3_ACCESS_KEY و NASHIR_S3_SECRET_KEY: مطلوبان مع NASHIR_S3_BUCKET");
            s3 = new S3(endpoint, bucket, v.getOrDefault("NASHIR_S3_REGION", "us-east-1").strip(), access, secretKey);
        } else if (!endpoint.isEmpty()) {
            errors.add("NASHIR_S3_BUCKET: مطلوب مع NASHIR_S3_ENDPOINT (اسم الحاوية التي تُحفظ فيها الوسائط)");
        }
        int dbWait = intSetting(v, "NASHIR_DB_WAIT_MS", 3000, 250, 60_000, errors);
        int dbStatement = intSetting(v, "NASHIR_DB_STATEMENT_MS", 5000, 0, 3_600_000, errors);
        int feedPoll = intSetting(v, "NASHIR_FEED_POLL_MS", 500, 50, 600_000, errors);
        int drain = intSetting(v, "NASHIR_DRAIN_SECONDS", dbUrl.startsWith("jdbc:postgresql:") ? 10 : 0, 0, 600, errors);
        if (!errors.isEmpty()) throw new Invalid(String.join("\n", errors));
        return new Settings(port, data, dbUrl, v.getOrDefault("NASHIR_DB_USER", ""), v.getOrDefault("NASHIR_DB_PASSWORD", ""),
            locale, zone, digits.equals("arabic"), hijri,
            v.getOrDefault("NASHIR_SITE_NAME", "ناشر"),
            v.getOrDefault("NASHIR_SITE_DESCRIPTION", "أخبار محلية وعربية ودولية على مدار الساعة"),
            baseUrl, cache, flush, mediaMax, searches, comments, commentsPerArticle, java.time.Duration.ofHours(sessionHours), java.time.Duration.ofMinutes(sessionIdle), proxies,
            java.util.Arrays.stream(v.getOrDefault("NASHIR_COMMENT_BLOCKLIST", "").split("[,،]")).map(String::strip).filter(w -> !w.isEmpty()).toList(),
            java.util.Map.copyOf(outcomes), trustAfter, feedContent.equals("full"), embedTitles,
            v.getOrDefault("NASHIR_METRICS_TOKEN", "").strip(), accessLog, slow, httpThreads, shed, shedPause, reserved,
            purgeUrl, v.getOrDefault("NASHIR_PURGE_TOKEN", ""), drain,
            v.containsKey("NASHIR_SECRET_FILE") && !v.get("NASHIR_SECRET_FILE").isBlank() ? Path.of(v.get("NASHIR_SECRET_FILE").strip()) : data.resolve("secret.key"), feedPoll, s3, dbWait, dbStatement);
    }

    private static int intSetting(Map<String, String> v, String key, int dflt, int min, int max, List<String> errors) {
        String s = v.get(key);
        if (s == null || s.isBlank()) return dflt;
        try {
            int n = Integer.parseInt(s.trim());
            if (n >= min && n <= max) return n;
        } catch (NumberFormatException ignored) {
            // reported below with the accepted range
        }
        errors.add(key + ": يجب أن يكون عدداً صحيحاً بين " + min + " و" + max + " (القيمة: " + s + ")");
        return dflt;
    }

    private static boolean boolSetting(Map<String, String> v, String key, List<String> errors) {
        String s = v.getOrDefault(key, "false").trim().toLowerCase(Locale.ROOT);
        if (s.equals("true") || s.equals("false")) return s.equals("true");
        errors.add(key + ": القيم المقبولة true أو false (القيمة: " + s + ")");
        return false;
    }
}
