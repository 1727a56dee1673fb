package org.nashir.importer;

import org.nashir.web.Input;
import org.jsoup.Jsoup;
import org.jsoup.parser.Parser;
import org.nashir.article.Article;
import org.nashir.article.ArticleStore;
import org.nashir.article.LegacyPaths;
import org.nashir.article.NewArticle;
import org.nashir.article.ArticleImport;
import org.nashir.comment.Comment;
import org.nashir.comment.CommentStore;
import org.nashir.comment.SpamGuard;
import org.nashir.media.MediaStore;
import org.nashir.page.MenuStore;
import org.nashir.page.PageStore;

import javax.xml.stream.XMLStreamException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * Moving in from WordPress: {@code import wxr FILE.xml[.gz]}. Each post is one transaction with its bylines,
 * section, tags, comments (status and threading kept) and old addresses, so a post is imported whole or not at
 * all; a post that cannot be imported is reported with its WordPress id and skipped, never stopping the rest.
 * Posts are keyed by site and WordPress id, so running the import again creates nothing twice.
 */
public final class WxrImport {
    /** What happened to one item that was not imported cleanly. */
    public record Problem(String wordpressId, int line, String message) {}

    /** Counts for the summary line, and the problems by item. */
    public static final class Report {
        public int imported, existed, skipped, comments, imagesStored, imagesMissing, pages, menuItems;
        public final List<Problem> problems = new ArrayList<>();
        /** Items not read because the file breaks off (malformed XML) at {@link #brokenAt}; 0 when the file was whole. */
        public int brokenAt;
        public String brokenBecause;

        public boolean failed() {
            return !problems.isEmpty() || brokenAt > 0;
        }
    }

    private static final Pattern BLOCK = Pattern.compile("(?i)<(p|div|h[1-6]|ul|ol|li|blockquote|table|figure|pre|hr|iframe|section|article)\\b");
    /** {@code [caption …]<a …><img …></a> The caption[/caption]}: the picture (with its link, if any), then the words. */
    private static final Pattern CAPTION = Pattern.compile(
        "(?is)\\[caption[^\\]]*]\\s*((?:<a\\b[^>]*>\\s*)?<img\\b[^>]*>(?:\\s*</a>)?)(.*?)\\[/caption]");
    private static final Pattern GALLERY = Pattern.compile("(?i)\\[gallery\\b[^\\]]*\\bids=[\"']?([0-9,\\s]+)[\"']?[^\\]]*]");
    private static final Pattern SHORTCODE = Pattern.compile("\\[/?[a-zA-Z][a-zA-Z0-9_-]*(?:\\s[^\\]]*)?/?]");
    /** The title of a WordPress draft that had none. */
    static final String UNTITLED = "مسودة بلا عنوان (من ووردبريس)";
    private static final DateTimeFormatter WP_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    private final ArticleImport imports;
    private final ArticleStore articles;
    private final CommentStore comments;
    private final SpamGuard spam;
    private final MediaStore media;
    private final WxrPagesImport sitePages;
    private final ZoneId zone;
    private final String defaultSection;
    private final long maxMediaBytes;

    public WxrImport(ArticleImport imports, ArticleStore articles, CommentStore comments, SpamGuard spam, MediaStore media, PageStore pages,
                     MenuStore menus, ZoneId zone, String defaultSection, long maxMediaBytes) {
        this.sitePages = new WxrPagesImport(pages, menus, articles);
        this.imports = imports;
        this.articles = articles;
        this.comments = comments;
        this.spam = spam;
        this.media = media;
        this.zone = zone;
        this.defaultSection = defaultSection;
        this.maxMediaBytes = maxMediaBytes;
    }

    /**
     * Imports {@code file} (gzip is recognised by its first bytes). With {@code mediaDir}, a first pass collects the
     * attachments so that each post's featured image can be found there (attachments may come after their posts).
     * {@code progress} hears how far the import is after each item.
     */
    public Report run(Path file, Path mediaDir, Consumer<Progress> progress) throws IOException {
        Map<String, String[]> attachments = mediaDir == null ? Map.of() : attachments(file);
        Report report = new Report();
        List<WxrReader.Item> pageItems = new ArrayList<>();
        List<WxrReader.Item> menuItems = new ArrayList<>();
        String[] base = {""};
        int read = 0;
        long size = Math.max(1, Files.size(file));
        Counted counted = new Counted(Files.newInputStream(file));
        try (InputStream in = open(counted)) {
            WxrReader wxr = new WxrReader(in);
            WxrReader.Item item;
            while (true) {
                try {
                    item = wxr.next();
                } catch (XMLStreamException e) {
                    report.brokenAt = e.getLocation() == null ? wxr.line() : e.getLocation().getLineNumber();
                    report.brokenBecause = e.getMessage();
                    break;
                }
                if (item == null) break;
                progress.accept(new Progress(++read, Math.min(1.0, counted.bytes / (double) size)));
                base[0] = wxr.baseSiteUrl.strip();
                // Pages and menus come after the posts: a page's parent and a menu item's target may come later in the file.
                if ("page".equals(type(item)) && !skippedStatus(item)) pageItems.add(item);
                else if ("nav_menu_item".equals(type(item))) menuItems.add(item);
                else importItem(wxr, item, attachments, mediaDir, report);
            }
        } catch (XMLStreamException e) {
            report.brokenAt = 1;
            report.brokenBecause = e.getMessage();
        }
        Map<String, String> pagePaths = sitePages.importPages(pageItems, report);
        sitePages.importMenus(menuItems, pagePaths, base[0], report);
        return report;
    }

    private static String type(WxrReader.Item item) {
        return item.type() == null ? "post" : item.type().strip();
    }

    private static boolean skippedStatus(WxrReader.Item item) {
        String status = item.status() == null ? "" : item.status().strip();
        return status.equals("trash") || status.equals("auto-draft") || status.equals("inherit");
    }


    private void importItem(WxrReader wxr, WxrReader.Item item, Map<String, String[]> attachments, Path mediaDir, Report report) {
        String type = item.type() == null ? "post" : item.type().strip();
        String status = item.status() == null ? "" : item.status().strip();
        if (!type.equals("post") || status.equals("trash") || status.equals("auto-draft") || status.equals("inherit")) {
            report.skipped++;
            return;
        }
        String id = item.id() == null ? "" : item.id().strip();
        if (!Input.isId(id)) {
            report.problems.add(new Problem(id, item.line(), "رقم التدوينة مفقود أو غير صالح"));
            return;
        }
        String key = "wxr:" + wxr.baseSiteUrl.strip() + "#" + id;
        // Already imported: nothing to read again, and no image to store twice.
        if (articles.findIdByImportKey(key).isPresent()) {
            report.existed++;
            return;
        }
        String title = item.title() == null ? "" : Parser.unescapeEntities(item.title(), false).strip();
        boolean draft = status.equals("draft") || status.equals("pending") || status.equals("private");
        // A draft nobody titled yet is still someone's work: it comes in as a draft with a placeholder title.
        if (title.isEmpty() && draft) title = UNTITLED;
        if (title.isEmpty()) {
            report.problems.add(new Problem(id, item.line(), "التدوينة بلا عنوان"));
            return;
        }
        String body = bodyHtml(item.content(), attachments);
        if (Jsoup.parse(body).text().isBlank() && !draft) {
            report.problems.add(new Problem(id, item.line(), "التدوينة بلا نص"));
            return;
        }
        Instant published = postTime(item);
        if (status.equals("publish") && published == null) {
            report.problems.add(new Problem(id, item.line(), "تاريخ النشر مفقود أو غير مفهوم: " + item.date()));
            return;
        }
        // What WordPress meant, in Nashir's words: a scheduled post stays scheduled (the scheduler publishes it at its
        // time, at once if that has passed), one pending review waits in review; drafts and private posts are drafts.
        String nashirStatus = switch (status) {
            case "publish" -> Article.PUBLISHED;
            case "future" -> published != null ? Article.SCHEDULED : Article.DRAFT;
            case "pending" -> Article.REVIEW;
            default -> Article.DRAFT;
        };
        String section = null;
        List<String> tags = new ArrayList<>();
        for (WxrReader.Term t : item.terms()) {
            String name = Parser.unescapeEntities(t.name(), false).strip();
            if (name.isEmpty()) continue;
            // The first category is the section; further categories stay findable as tags.
            if (t.domain().equals("category") && section == null) section = name;
            else if (t.domain().equals("category") || t.domain().equals("post_tag")) tags.add(name);
        }
        String creator = item.creator() == null ? "" : item.creator().strip();
        List<String> bylines = creator.isEmpty() ? List.of() : List.of(wxr.authors.getOrDefault(creator, creator));
        String excerpt = item.excerpt() == null || item.excerpt().isBlank() ? null : Jsoup.parse(item.excerpt()).text().strip();
        NewArticle a = new NewArticle(title, null, excerpt == null || excerpt.isEmpty() ? null : excerpt, body, bylines, null, null,
            section == null ? defaultSection : section, tags, null, nashirStatus, published, views(item.meta()),
            item.link(), key);
        // The featured image first: its attachment carries the alt text the site gave it.
        Long featured = featuredImage(item, attachments, mediaDir, title, report);
        if (mediaDir != null) a = withLocalImages(a, mediaDir, report);
        try {
            int[] commentCount = new int[1];
            ArticleImport.Created created = imports.create(a, (h, articleId) -> {
                for (String old : legacyKeys(item, id)) articles.addLegacyPath(h, old, articleId);
                if (featured != null) articles.setFeaturedMedia(h, articleId, featured);
                commentCount[0] = addComments(h, articleId, item.comments());
            });
            if (created.existed()) {
                report.existed++;
            } else {
                report.imported++;
                report.comments += commentCount[0];
            }
        } catch (IllegalArgumentException | org.jdbi.v3.core.JdbiException e) {
            report.problems.add(new Problem(id, item.line(), "تعذّر حفظ التدوينة: " + e.getMessage()));
        }
    }

    /** Comments kept as they were moderated there; replies to replies hang under the top comment (Nashir shows one level). */
    private int addComments(org.jdbi.v3.core.Handle h, long articleId, List<WxrReader.Comment> list) {
        // WordPress comment id → the Nashir id of the top comment of its thread.
        Map<String, Long> topOf = new HashMap<>();
        List<WxrReader.Comment> sorted = new ArrayList<>(list);
        // Parents before replies: WordPress ids grow with time.
        sorted.sort(java.util.Comparator.comparingLong(c -> number(c.id())));
        int added = 0;
        for (WxrReader.Comment c : sorted) {
            String type = c.type() == null ? "" : c.type().strip();
            if (!type.isEmpty() && !type.equals("comment")) continue;
            String approved = c.approved() == null ? "" : c.approved().strip();
            String status = switch (approved) {
                case "1" -> Comment.APPROVED;
                case "spam" -> Comment.SPAM;
                case "0" -> Comment.PENDING;
                default -> null;
            };
            String text = c.content() == null ? "" : Jsoup.parseBodyFragment(c.content().replaceAll("(?i)<br\\s*/?>", "\n")).wholeText().strip();
            if (status == null || text.isEmpty()) continue;
            Long parentId = c.parent() == null ? null : topOf.get(c.parent().strip());
            String name = c.author() == null || c.author().isBlank() ? "زائر" : Parser.unescapeEntities(c.author(), false).strip();
            String email = c.email() == null ? "" : c.email().strip();
            Instant at = wpTime(c.dateGmt(), ZoneOffset.UTC);
            if (at == null) at = wpTime(c.date(), zone);
            if (at == null) at = Instant.EPOCH;
            long nid = comments.insertImported(h, articleId, parentId, name, email, text, status, at,
                spam.hash(c.ip() == null ? "" : c.ip()), spam.hash(email));
            if (c.id() != null) topOf.put(c.id().strip(), parentId == null ? nid : parentId);
            added++;
        }
        return added;
    }

    /** The addresses WordPress gave the post: its permalink as exported, ?p=, /archives/, and the dated forms. */
    private List<String> legacyKeys(WxrReader.Item item, String id) {
        List<String> keys = new ArrayList<>(List.of("/?p=" + id, "/archives/" + id));
        String link = LegacyPaths.keyOfLink(item.link());
        if (link != null && !link.equals("/")) keys.add(link);
        LocalDateTime local = localTime(item.date());
        String slug = item.name() == null ? "" : item.name().strip();
        if (local != null && !slug.isEmpty()) {
            keys.add(LegacyPaths.key(String.format(Locale.ROOT, "/%04d/%02d/%02d/%s", local.getYear(), local.getMonthValue(), local.getDayOfMonth(), slug), null));
            keys.add(LegacyPaths.key(String.format(Locale.ROOT, "/%04d/%02d/%s", local.getYear(), local.getMonthValue(), slug), null));
        }
        return keys;
    }

    private static final Pattern SIZE_SUFFIX = Pattern.compile("-\\d{2,5}x\\d{2,5}(?=\\.[A-Za-z0-9]+$)");
    /** Images already stored in this run, by file, so one picture used by many posts is stored once. */
    private final Map<Path, Long> storedImages = new java.util.LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Path, Long> eldest) {
            return size() > 10_000;
        }
    };

    /**
     * Images in the body that live in the old site's uploads: stored like uploads (re-encoded, EXIF gone) and
     * pointed at, so the article does not depend on the old server. WordPress links resized copies
     * ({@code photo-300x200.jpg}); where that copy is missing, the original ({@code photo.jpg}) is used.
     */
    private NewArticle withLocalImages(NewArticle a, Path mediaDir, Report report) {
        org.jsoup.nodes.Document doc = Jsoup.parseBodyFragment(a.bodyHtml());
        doc.outputSettings().prettyPrint(false);
        boolean changed = false;
        for (org.jsoup.nodes.Element img : doc.select("img[src]")) {
            String src = img.attr("src");
            if (!src.contains("/uploads/")) continue;
            Path file = mediaFile(mediaDir, src);
            if (file == null || !Files.isRegularFile(file)) {
                String path = src.replaceFirst("[?#].*$", "");
                file = mediaFile(mediaDir, SIZE_SUFFIX.matcher(path).replaceFirst(""));
            }
            if (file == null || !Files.isRegularFile(file)) {
                report.imagesMissing++;
                continue;
            }
            Long id;
            try {
                id = store(file, img.attr("alt").isBlank() ? a.title() : img.attr("alt"), report);
            } catch (IOException e) {
                id = null;
            }
            if (id == null) {
                report.imagesMissing++;
                continue;
            }
            var m = media.find(id).orElseThrow();
            img.attr("src", m.srcNear(1024)).attr("width", Integer.toString(Math.min(1024, m.width())))
                .attr("height", Integer.toString(m.heightAt(Math.min(1024, m.width()))));
            changed = true;
        }
        if (!changed) return a;
        return new NewArticle(a.title(), a.kicker(), a.summary(), doc.body().html(), a.bylines(), a.sourceName(), a.sourceUrl(), a.sectionName(),
            a.tags(), a.label(), a.status(), a.publishedAt(), a.viewCount(), a.legacyUrl(), a.importKey());
    }

    /** The media id of {@code file}, stored now unless this run stored it already; null when it is not an image Nashir takes. */
    private Long store(Path file, String alt, Report report) throws IOException {
        Long id = storedImages.get(file);
        if (id != null) return id;
        id = media.addImported(file.getFileName().toString(), Files.readAllBytes(file), maxMediaBytes, alt).orElse(null);
        if (id != null) {
            storedImages.put(file, id);
            report.imagesStored++;
        }
        return id;
    }

    private Long featuredImage(WxrReader.Item item, Map<String, String[]> attachments, Path mediaDir, String title, Report report) {
        String thumb = item.meta().get("_thumbnail_id");
        if (mediaDir == null || thumb == null) return null;
        String[] att = attachments.get(thumb.strip());
        if (att == null) return null;
        Path file = mediaFile(mediaDir, att[0]);
        if (file == null || !Files.isRegularFile(file)) {
            report.problems.add(new Problem(item.id(), item.line(), "الصورة الرئيسية غير موجودة في مجلد الوسائط: " + att[0] + " (استُوردت التدوينة بدونها)"));
            return null;
        }
        try {
            Long added = store(file, att[1].isBlank() ? title : att[1], report);
            if (added == null) report.problems.add(new Problem(item.id(), item.line(), "الصورة الرئيسية ليست صورة مقبولة: " + file.getFileName()));
            return added;
        } catch (IOException e) {
            report.problems.add(new Problem(item.id(), item.line(), "تعذّرت قراءة الصورة الرئيسية " + file + ": " + e.getMessage()));
            return null;
        }
    }

    /** The attachment's file under {@code mediaDir}: its path below {@code uploads/}, or its name; never outside the folder. */
    static Path mediaFile(Path mediaDir, String url) {
        String path = LegacyPaths.keyOfLink(url);
        if (path == null) return null;
        int uploads = path.indexOf("/uploads/");
        String relative = uploads >= 0 ? path.substring(uploads + "/uploads/".length()) : path.substring(path.lastIndexOf('/') + 1);
        Path root = mediaDir.toAbsolutePath().normalize();
        Path candidate = root.resolve(relative).normalize();
        if (!candidate.startsWith(root)) return null;
        if (Files.isRegularFile(candidate)) return candidate;
        Path byName = root.resolve(candidate.getFileName().toString()).normalize();
        return byName.startsWith(root) ? byName : null;
    }

    /** attachment id → {url, alt text}: the first pass, for featured images. */
    private Map<String, String[]> attachments(Path file) throws IOException {
        Map<String, String[]> out = new HashMap<>();
        try (InputStream in = open(file)) {
            WxrReader wxr = new WxrReader(in);
            for (WxrReader.Item item; (item = wxr.next()) != null; ) {
                if ("attachment".equals(item.type()) && item.id() != null && item.attachmentUrl() != null) {
                    out.put(item.id().strip(), new String[] {item.attachmentUrl().strip(), item.meta().getOrDefault("_wp_attachment_image_alt", "").strip()});
                }
            }
        } catch (XMLStreamException e) {
            // The second pass reports where the file breaks off; the attachments read until then still count.
        }
        return out;
    }

    /** Items read so far, and the share of the file's bytes read (of the compressed file, for a .gz). */
    public record Progress(int items, double done) {}

    /** Counts the bytes read from the file, for the progress bar. */
    private static final class Counted extends java.io.FilterInputStream {
        volatile long bytes;

        Counted(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) bytes++;
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            int n = super.read(buf, off, len);
            if (n > 0) bytes += n;
            return n;
        }
    }

    static InputStream open(Path file) throws IOException {
        return open(Files.newInputStream(file));
    }

    private static InputStream open(InputStream raw) throws IOException {
        InputStream in = new BufferedInputStream(raw, 1 << 16);
        in.mark(2);
        int b1 = in.read(), b2 = in.read();
        in.reset();
        return b1 == 0x1f && b2 == 0x8b ? new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16) : in;
    }

    /**
     * WordPress stores post bodies without paragraph tags and adds them when it shows a post (wpautop): blank lines
     * separate paragraphs and a single line break is a {@code <br>}. Blocks that already are HTML stay as they are.
     * A {@code [caption]} around a picture becomes a figure with its caption, a {@code [gallery ids="…"]} whose
     * pictures are among {@code attachments} (id → address, alt text) a gallery; other shortcodes are dropped, their
     * content kept. The sanitizer then cleans the result.
     */
    static String bodyHtml(String content, Map<String, String[]> attachments) {
        if (content == null) return "";
        String text = content.replace("\r\n", "\n").replaceAll("(?s)<!--.*?-->", "");
        text = CAPTION.matcher(text).replaceAll(m -> Matcher.quoteReplacement(
            "<figure>" + m.group(1).strip() + "<figcaption>" + m.group(2).strip() + "</figcaption></figure>"));
        text = GALLERY.matcher(text).replaceAll(m -> Matcher.quoteReplacement(gallery(m.group(1), attachments)));
        text = SHORTCODE.matcher(text).replaceAll("");
        StringBuilder out = new StringBuilder();
        for (String chunk : text.split("\n\\s*\n")) {
            String c = chunk.strip();
            if (c.isEmpty()) continue;
            // A chunk that already has block markup is kept as written; the sanitizer puts any bare text in paragraphs.
            if (BLOCK.matcher(c).find()) out.append(c).append('\n');
            else out.append("<p>").append(c.replace("\n", "<br>\n")).append("</p>\n");
        }
        return out.toString();
    }

    /** The pictures of a gallery shortcode that the export holds, as a gallery; nothing when none of them is there. */
    private static String gallery(String ids, Map<String, String[]> attachments) {
        StringBuilder out = new StringBuilder();
        for (String id : ids.split("[,\\s]+")) {
            String[] a = attachments.get(id.strip());
            if (a == null) continue;
            out.append("<figure><img src=\"").append(Parser.unescapeEntities(a[0], false).replace("\"", "%22")).append("\" alt=\"")
                .append(a[1].replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;")).append("\"></figure>");
        }
        return out.isEmpty() ? "" : "<figure class=\"gallery\">" + out + "</figure>";
    }

    private Instant postTime(WxrReader.Item item) {
        Instant at = wpTime(item.dateGmt(), ZoneOffset.UTC);
        if (at == null) at = wpTime(item.date(), zone);
        if (at == null && item.pubDate() != null && !item.pubDate().isBlank()) {
            try {
                at = ZonedDateTime.parse(item.pubDate().strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        return at;
    }

    private static Instant wpTime(String value, ZoneId zone) {
        LocalDateTime t = localTime(value);
        return t == null ? null : t.atZone(zone).toInstant();
    }

    /** A WordPress date ({@code 2015-11-16 10:30:00}); null for its "no date" ({@code 0000-00-00 00:00:00}) or junk. */
    private static LocalDateTime localTime(String value) {
        if (value == null || value.isBlank() || value.startsWith("0000")) return null;
        try {
            return LocalDateTime.parse(value.strip(), WP_DATE);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** View counts kept by the usual WordPress plugins. */
    private static long views(Map<String, String> meta) {
        for (String key : List.of("views", "post_views_count", "_views", "wpb_post_views_count")) {
            String v = meta.get(key);
            if (v != null && v.strip().matches("[0-9]{1,15}")) return Long.parseLong(v.strip());
        }
        return 0;
    }

    private static long number(String s) {
        return s != null && Input.isId(s.strip()) ? Input.id(s.strip()) : Long.MAX_VALUE;
    }
}
