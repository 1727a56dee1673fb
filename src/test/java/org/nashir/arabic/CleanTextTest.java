package org.nashir.arabic;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 16: the one rule for text coming in (CleanText). */
class CleanTextTest {
    @Test
    void word_line_breaks_become_lines_or_spaces_and_xml_forbidden_characters_go() {
        assertThat(CleanText.lines("سطر أول\u000Bسطر ثانٍ\r\nثالث\rرابع\u2028خامس")).isEqualTo("سطر أول\nسطر ثانٍ\nثالث\nرابع\nخامس");
        assertThat(CleanText.line("عنوان\u000Bمن سطرين\tوعلامة")).isEqualTo("عنوان من سطرين وعلامة");
        assertThat(CleanText.line("خبر\u0000 \u0001عاجل\uFFFF\uFFFE\u0085\u007F\u009F\uFEFF")).isEqualTo("خبر عاجل");
        assertThat(CleanText.line("نص \uD800مكسور")).isEqualTo("نص مكسور");
        // A pair of surrogates is a letter (here a mathematical one) and stays.
        assertThat(CleanText.line("رمز \uD835\uDC00")).isEqualTo("رمز \uD835\uDC00");
    }

    @Test
    void overrides_go_unbalanced_embeddings_go_balanced_isolates_and_marks_stay() {
        assertThat(CleanText.line("exe.\u202Egnp")).isEqualTo("exe.gnp");
        assertThat(CleanText.line("\u202Bنص بلا إغلاق")).isEqualTo("نص بلا إغلاق");
        assertThat(CleanText.line("قال \u2066Apple Inc.\u2069 إن")).isEqualTo("قال \u2066Apple Inc.\u2069 إن");
        assertThat(CleanText.line("\u2067عنوان كامل\u2069")).isEqualTo("\u2067عنوان كامل\u2069");
        assertThat(CleanText.line("C++\u200F هي لغة")).isEqualTo("C++\u200F هي لغة");
        assertThat(CleanText.line("\u200F\u200Eعنوان\u200F ")).isEqualTo("عنوان");
    }

    @Test
    void a_field_of_nothing_visible_is_empty() {
        assertThat(CleanText.line("\u202E\u0000\u200F")).isEmpty();
        assertThat(CleanText.line(" \u200B\u200C\u200D\u2066\u2069 ")).isEmpty();
        assertThat(CleanText.lines("\n\u000B\n")).isEmpty();
    }

    @Test
    void text_is_stored_in_one_normal_form() {
        // "é" typed as e + combining acute and as one letter; Arabic with a shadda and a fatha typed in either order.
        assertThat(CleanText.line("cafe\u0301")).isEqualTo("caf\u00E9");
        assertThat(CleanText.line("مَّ")).isEqualTo(CleanText.line("مَّ"));
        assertThat(CleanText.line("شدّة وفتحة: مَّ")).isEqualTo(java.text.Normalizer.normalize("شدّة وفتحة: مَّ", java.text.Normalizer.Form.NFC));
    }

    @Test
    void markup_keeps_its_lines_and_loses_only_what_xml_cannot_hold() {
        assertThat(CleanText.markup("<p>فقرة\u000B</p>\n<p>\u0001ثانية\u202E</p>")).isEqualTo("<p>فقرة\n</p>\n<p>ثانية</p>");
        String clean = "نص سليم";
        assertThat(CleanText.xmlSafe(clean)).as("nothing copied when nothing is dropped").isSameAs(clean);
        assertThat(CleanText.xmlSafe("a\u0000b\uFFFFc")).isEqualTo("abc");
    }
}
