package org.nashir.demo;

import org.nashir.account.Passwords;
import org.nashir.account.Role;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.nashir.Nashir;
import org.nashir.article.Article;
import org.nashir.article.ArticleKind;
import org.nashir.article.BodyHtml;
import org.nashir.article.CorrectionStore;
import org.nashir.article.PinStore;
import org.nashir.article.TickerStore;
import org.nashir.article.NewArticle;
import org.nashir.importer.Importing;
import org.nashir.page.MenuStore;
import org.nashir.page.PageStore;
import org.nashir.views.ViewStore;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The demo site: about twenty articles written for Nashir (fictional city news, two opinion columns and an
 * analysis), published over the last days so fresh ones show relative times, with some views so the most-read
 * lists have content, a desk arranged as an editor would (lead, pins, ticker, a correction), plus one page from an
 * "old site" loaded through the text importer, as a newsroom moving to Nashir would.
 */
public final class DemoContent {
    record Item(String section, String title, String kicker, String summary, List<String> bylines, List<String> tags,
                int hours, long views, String label, String kind, List<String> paragraphs, String html, String featured) {}

    public static final String ADMIN_EMAIL = "admin@nashir.example";

    private DemoContent() {}

    /**
     * Creates the demo site's admin account when the site has no account yet; returns its generated password,
     * which is printed once and never stored in clear.
     */
    public static java.util.Optional<String> demoAdmin(Nashir nashir) {
        if (nashir.accounts.any()) return java.util.Optional.empty();
        String password = Passwords.generate();
        nashir.accounts.create(ADMIN_EMAIL, "مدير الموقع التجريبي", Role.ADMIN, password);
        return java.util.Optional.of(password);
    }

    /** Adds the demo articles when the site has none; returns how many were added. */
    public static int loadIfEmpty(Nashir nashir) {
        if (nashir.articles.listLatest(1, 0).total() > 0) return 0;
        Instant now = nashir.clock.instant();
        Map<ViewStore.Bucket, Long> recentViews = new HashMap<>();
        Map<String, Long> ids = new HashMap<>();
        int added = 0;
        Map<String, DemoPictures.Picture> pictures = DemoPictures.add(nashir);
        for (Item item : read()) {
            Instant at = now.minus(Duration.ofHours(item.hours())).minus(Duration.ofMinutes(7));
            // A body is plain paragraphs, or HTML as the editor makes it with {picture:name} where a picture goes.
            String body = item.html() == null ? BodyHtml.fromParagraphs(item.paragraphs()) : withPictures(item.html(), pictures);
            DemoPictures.Picture lead = item.featured() == null ? null : pictures.get(item.featured());
            long id = nashir.imports.create(new NewArticle(item.title(), item.kicker(), item.summary(),
                body, item.bylines(), null, null, item.section(), item.tags(), item.label(),
                Article.PUBLISHED, at, 0, null, "demo:" + item.title()), ArticleKind.of(item.kind()),
                (h, article) -> { if (lead != null) nashir.articles.setFeaturedMedia(h, article, lead.id()); }).id();
            ids.put(item.title(), id);
            // Spread the article's readers over the hours since it was published, up to a week.
            long firstHour = Math.floorDiv(at.toEpochMilli(), 3_600_000L);
            long lastHour = Math.floorDiv(now.toEpochMilli(), 3_600_000L);
            long hours = Math.max(1, Math.min(lastHour - firstHour + 1, 168));
            for (long h = 0; h < hours; h++) {
                long n = item.views() / hours + (h < item.views() % hours ? 1 : 0);
                if (n > 0) recentViews.put(new ViewStore.Bucket(id, lastHour - h), n);
            }
            added++;
        }
        nashir.viewStore.add(recentViews);
        arrangeTheDesk(nashir, ids);
        writeStaticPages(nashir);
        try (InputStream in = DemoContent.class.getResourceAsStream("/demo/archive-page.txt")) {
            Importing.Outcome o = new Importing(nashir.imports, nashir.settings.timeZone())
                .importText("demo/archive-page.txt", in.readAllBytes(), "ثقافة");
            if (o.failed()) throw new IllegalStateException("the demo archive page did not import: " + o.problems());
            added++;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the demo archive page", e);
        }
        return added;
    }

    /**
     * What an editor would have done on such a day: a lead story and pinned stories on the home page and on a
     * section page, the ticker lit for a breaking story and a short urgent line, and a public correction.
     */
    private static void arrangeTheDesk(Nashir nashir, Map<String, Long> ids) {
        Instant now = nashir.clock.instant();
        nashir.pins.pin(PinStore.HOME, ids.get("افتتاح جسر النهر الجديد بعد عامين من العمل"), true, null, null);
        nashir.pins.pin(PinStore.HOME, ids.get("البرلمان يناقش مشروع قانون الإدارة المحلية في جلسة مطوّلة"), false, null, null);
        nashir.pins.pin(PinStore.HOME, ids.get("المصرف المركزي يثبّت سعر الفائدة للمرة الثالثة على التوالي"), false, null, null);
        nashir.pins.pin(PinStore.HOME, ids.get("مدينة تمشي على قدميها"), false, now.plus(Duration.ofDays(2)), null);
        nashir.sections.findBySlug("سياسة").ifPresent(s ->
            nashir.pins.pin(PinStore.section(s.id()), ids.get("ماذا يغيّر قانون الإدارة المحلية إن أُقرّ؟"), true, null, null));
        nashir.ticker.addArticle(ids.get("المنتخب يتأهل إلى نصف نهائي البطولة العربية بركلات الترجيح"), now.plus(TickerStore.DEFAULT_LIFETIME), null);
        nashir.ticker.addLine("انقطاع مؤقت للمياه في الحي الشرقي حتى الرابعة عصراً", null, now.plus(Duration.ofHours(3)), null);
        nashir.corrections.add(ids.get("المصرف المركزي يثبّت سعر الفائدة للمرة الثالثة على التوالي"), CorrectionStore.CORRECTION,
            "ذكرت نسخة سابقة من الخبر أن القرار هو الرابع على التوالي، والصحيح أنه الثالث.", null);

        long count = ids.get("فرز أصوات الانتخابات البلدية: تغطية مباشرة");
        nashir.live.start(count, null);
        nashir.live.add(count, "بدء الفرز في مراكز الحي الشرقي الاثني عشر.", null, null);
        long key = nashir.live.add(count, "لجنة الانتخابات: نسبة المشاركة بلغت ٤٨٪، وهي الأعلى منذ ثلاث دورات.", null, null);
        nashir.live.add(count, "النتائج الأولية في الحي الشرقي تضع قائمة «المدينة للجميع» في المقدمة. التفاصيل على موقع اللجنة: https://example.org/results", null, null);
        nashir.live.pin(count, key, true, null);
        nashir.pins.pin(PinStore.HOME, count, false, null, null);

        for (String[] writer : new String[][] {
            {"نادية سليمان", "مهندسة معمارية، تكتب عن المدينة وأرصفتها ومن يمشي عليها."},
            {"عمر الدباغ", "اقتصادي، يكتب عن الأسواق الصغيرة وتمويلها."}}) {
            nashir.articles.findByline(org.nashir.arabic.Slug.of(writer[0])).ifPresent(b -> nashir.taxonomy.saveByline(b.id(), b.name(), writer[1], false, null));
        }
    }

    /** The pages every news site has, written for the demo, linked from the footer menu. */
    private static void writeStaticPages(Nashir nashir) {
        long about = nashir.staticPages.save(null, new PageStore.PageForm("من نحن",
            "<p>ناشر موقع أخبار تجريبي لمدينة متخيَّلة، نكتب عن شوارعها ومجالسها وأسواقها وملاعبها.</p>"
                + "<p>نفصل بين الخبر والرأي، وننشر تصحيحاتنا علناً في آخر كل مقال وفي صفحة التصحيحات.</p>", 0, PageStore.PUBLISHED, 0), null);
        long board = nashir.staticPages.save(null, new PageStore.PageForm("هيئة التحرير",
            "<p>رئيسة التحرير: سلمى الحداد. محرر الأخبار المحلية: كريم منصور. محررة الاقتصاد: هالة يوسف.</p>", about, PageStore.PUBLISHED, 0), null);
        long contact = nashir.staticPages.save(null, new PageStore.PageForm("اتصل بنا",
            "<p>للتصحيحات والملاحظات: اكتبوا إلى مكتب التحرير على العنوان desk@nashir.example.</p>", 0, PageStore.PUBLISHED, 0), null);
        long privacy = nashir.staticPages.save(null, new PageStore.PageForm("سياسة الخصوصية",
            "<p>لا نضع أي شيفرة تتبّع من جهات أخرى. نعدّ القراءات دون أن نحفظ عنوان القارئ، ونحفظ بريد المعلّق لمراجعة التعليقات فقط.</p>",
            0, PageStore.PUBLISHED, 0), null);
        for (long id : List.of(about, board, contact, privacy)) {
            nashir.staticPages.findById(id).ifPresent(p -> nashir.menus.add(MenuStore.FOOTER, p.title(), p.path(), null));
        }
    }

    private static String withPictures(String html, Map<String, DemoPictures.Picture> pictures) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{picture:([a-z]+)}").matcher(html);
        return m.replaceAll(r -> java.util.regex.Matcher.quoteReplacement(java.util.Objects.requireNonNull(pictures.get(r.group(1)), r.group()).figure()));
    }

    static List<Item> read() {
        try (InputStream in = DemoContent.class.getResourceAsStream("/demo/articles.json")) {
            ObjectMapper json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
            return List.of(json.readValue(in, Item[].class));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the demo articles", e);
        }
    }
}
