package org.nashir.importer;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The text-dump parser on the layouts old sites leave behind. The seed page itself is tested in
 * {@link SeedImportTest}; these dumps were written for Nashir in the seed's layout and its variants.
 */
class TextDumpTest {
    static final List<String> BODY = List.of(
        "أعلنت البلدية اليوم افتتاح الحديقة العامة الجديدة في الحي الشمالي بعد أشهر من العمل المتواصل .",
        "وقال رئيس البلدية في كلمة ألقاها إن “الحديقة مفتوحة للجميع” وإن الدخول إليها مجاني طوال أيام الأسبوع.",
        "وتضم الحديقة ملعباً للأطفال ومكتبة صغيرة ومساحات للجلوس تحت الأشجار.");
    static final String TITLE = "البلدية تفتتح الحديقة العامة في الحي الشمالي.. والدخول مجاني";

    static String seedLayout(String bullets) {
        return String.join("\n\n", BODY) + "\n\n" + bullets + "\n\n" + TITLE + "\n\n" + String.join(" ", BODY)
            + "\n\nالمصدر : جريدة الحي\n\n\nاكتب تعليق\n\nكل الحقول التي عليها علامة (*) مطلوبة";
    }

    static TextDump.Parsed parsed(String text) {
        TextDump.Result r = TextDump.parse(text);
        assertThat(r.problems()).isEmpty();
        return r.article();
    }

    @Test
    void seed_layout_gives_title_body_once_and_all_metadata() {
        var a = parsed(seedLayout("  • فريق الحي\n  • 2015-11-16\n  • 10056\n  • من الأرشيف"));
        assertThat(a.title()).isEqualTo(TITLE);
        assertThat(a.paragraphs()).containsExactlyElementsOf(BODY);
        assertThat(a.bylines()).containsExactly("فريق الحي");
        assertThat(a.published()).isEqualTo(LocalDateTime.parse("2015-11-16T00:00"));
        assertThat(a.views()).isEqualTo(10056L);
        assertThat(a.label()).isEqualTo("من الأرشيف");
        assertThat(a.sourceName()).isEqualTo("جريدة الحي");
        assertThat(a.sourceUrl()).isNull();
    }

    @Test
    void bullets_in_another_order_are_recognised_by_their_shape() {
        var a = parsed(seedLayout("  • 10056\n  • من الأرشيف\n  • 16 تشرين الثاني 2015\n  • فريق الحي"));
        assertThat(a.bylines()).containsExactly("فريق الحي");
        assertThat(a.views()).isEqualTo(10056L);
        assertThat(a.label()).isEqualTo("من الأرشيف");
        assertThat(a.published().toLocalDate()).hasToString("2015-11-16");
        assertThat(a.paragraphs()).containsExactlyElementsOf(BODY);
    }

    @Test
    void slash_date_without_label_or_views() {
        var a = parsed(seedLayout("  • سامر العلي\n  • 16/11/2015"));
        assertThat(a.bylines()).containsExactly("سامر العلي");
        assertThat(a.published().toLocalDate()).hasToString("2015-11-16");
        assertThat(a.views()).isNull();
        assertThat(a.label()).isNull();
    }

    @Test
    void keyed_bullets_title_first_and_a_source_with_a_link() {
        String text = TITLE + "\n\n- الكاتب: سلمى الحداد، كريم منصور\n- التاريخ: ١٦/١١/٢٠١٥\n- عدد المشاهدات: ١٠٬٠٥٦\n- القسم: محليات\n\n"
            + String.join("\n\n", BODY) + "\n\nالمصدر: وكالة الأنباء المحلية - https://example.org/news/1\n";
        var a = parsed(text);
        assertThat(a.title()).isEqualTo(TITLE);
        assertThat(a.paragraphs()).containsExactlyElementsOf(BODY);
        assertThat(a.bylines()).containsExactly("سلمى الحداد", "كريم منصور");
        assertThat(a.views()).isEqualTo(10056L);
        assertThat(a.section()).isEqualTo("محليات");
        assertThat(a.sourceName()).isEqualTo("وكالة الأنباء المحلية");
        assertThat(a.sourceUrl()).isEqualTo("https://example.org/news/1");
    }

    @Test
    void windows_line_endings_star_bullets_and_arabic_digit_views() {
        String text = seedLayout("* فريق الحي\n* ١٦ تشرين الثاني ٢٠١٥\n* ١٠٠٥٦ مشاهدة\n* عاجل").replace("\n", "\r\n");
        var a = parsed(text);
        assertThat(a.paragraphs()).containsExactlyElementsOf(BODY);
        assertThat(a.views()).isEqualTo(10056L);
        assertThat(a.label()).isEqualTo("عاجل");
        assertThat(a.title()).isEqualTo(TITLE);
    }

    @Test
    void no_bullets_metadata_as_plain_lines_with_an_egyptian_date_and_time() {
        String text = TITLE + "\nكتب: مازن قاسم\nالاثنين 16 نوفمبر 2015 - 10:30 م\n" + String.join("\n", BODY) + "\nشارك\nطباعة\n";
        var unkeyed = parsed(text);
        assertThat(unkeyed.published()).isEqualTo(LocalDateTime.parse("2015-11-16T22:30"));
        assertThat(unkeyed.paragraphs()).containsExactlyElementsOf(BODY);
        var keyed = parsed(text.replace("الاثنين 16", "التاريخ: الاثنين 16"));
        assertThat(keyed.bylines()).containsExactly("مازن قاسم");
        assertThat(keyed.published()).isEqualTo(LocalDateTime.parse("2015-11-16T22:30"));
        assertThat(keyed.paragraphs()).containsExactlyElementsOf(BODY);
        assertThat(keyed.title()).isEqualTo(TITLE);
    }

    @Test
    void plain_lines_with_a_byline_verb_a_view_count_and_a_source_variant() {
        String text = TITLE + "\nبقلم كريم منصور\n١٬٢٠٠ مشاهدة\n16/11/2015\n" + String.join("\n", BODY) + "\nنقلاً عن: وكالة الأنباء\n";
        var a = parsed(text);
        assertThat(a.bylines()).containsExactly("كريم منصور");
        assertThat(a.views()).isEqualTo(1200L);
        assertThat(a.published().toLocalDate()).hasToString("2015-11-16");
        assertThat(a.sourceName()).isEqualTo("وكالة الأنباء");
        assertThat(a.paragraphs()).containsExactlyElementsOf(BODY);
    }

    @Test
    void a_body_sentence_that_mentions_a_date_stays_in_the_body() {
        String sentence = "وصل الوفد يوم 16 تشرين الثاني 2015 إلى العاصمة.";
        var a = parsed(seedLayout("  • فريق الحي\n  • 2015-11-17").replace(BODY.get(2), sentence));
        assertThat(a.paragraphs()).contains(sentence);
        assertThat(a.published().toLocalDate()).hasToString("2015-11-17");
    }

    @Test
    void metadata_bullets_after_the_body_leave_the_first_line_as_the_title() {
        String lastShort = "والحديقة مفتوحة من الثامنة صباحاً";
        String text = TITLE + "\n\n" + String.join("\n\n", BODY) + "\n\n" + lastShort + "\n\n• سلمى الحداد\n• 2015-11-16\n";
        var a = parsed(text);
        assertThat(a.title()).isEqualTo(TITLE);
        assertThat(a.paragraphs()).endsWith(lastShort).hasSize(4);
    }

    @Test
    void an_empty_file_is_reported() {
        assertThat(TextDump.parse("").problems()).containsExactly("الملف فارغ");
        assertThat(TextDump.parse(" \n\n \t").problems()).containsExactly("الملف فارغ");
    }

    @Test
    void metadata_without_title_or_body_names_what_is_missing() {
        TextDump.Result r = TextDump.parse("  • فريق الحي\n  • 2015-11-16\n  • 10056\n");
        assertThat(r.ok()).isFalse();
        assertThat(r.problems()).anyMatch(p -> p.contains("العنوان")).anyMatch(p -> p.contains("نص المقال"));
    }

    @Test
    void a_page_without_a_date_is_refused_rather_than_given_a_made_up_one() {
        TextDump.Result r = TextDump.parse(seedLayout("  • فريق الحي\n  • 10056"));
        assertThat(r.ok()).isFalse();
        assertThat(r.problems()).singleElement().asString().contains("تاريخ النشر");
    }

    @Test
    void the_demo_archive_page_in_the_seed_layout_imports() throws IOException {
        String text;
        try (var in = TextDumpTest.class.getResourceAsStream("/demo/archive-page.txt")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        var a = parsed(text);
        assertThat(a.title()).isEqualTo("أول عرض سينمائي في قاعة البلدية القديمة");
        assertThat(a.paragraphs()).hasSize(3);
        assertThat(a.views()).isEqualTo(2731L);
        assertThat(a.sourceName()).isEqualTo("جريدة المدينة");
    }
}
