package org.nashir.arabic;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class SlugTest {
    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
        "لافروف: التحالف يقصف داعش في سورية برأفة|لافروف-التحالف-يقصف-داعش-في-سورية-برأفة",
        "مُحَمَّدٌ يكتبُ|محمد-يكتب",
        "أخبـــار اليوم|أخبار-اليوم",
        "المنتخب يفوز ٣–١ في COPA America|المنتخب-يفوز-3-1-في-copa-america",
        "«البيت القديم»، مرة أخرى؟!|البيت-القديم-مرة-أخرى"})
    void slugs_keep_arabic_words_and_drop_marks_and_punctuation(String title, String slug) {
        assertThat(Slug.of(title)).isEqualTo(slug);
    }

    @Test
    void long_titles_are_cut_at_a_word_boundary() {
        String slug = Slug.of("كلمة ".repeat(40));
        assertThat(slug.length()).isLessThanOrEqualTo(Slug.MAX_LENGTH);
        assertThat(slug).doesNotEndWith("-").endsWith("كلمة");
    }

    @Test
    void a_title_of_only_punctuation_gives_an_empty_slug() {
        assertThat(Slug.of("؟!... «»")).isEmpty();
        assertThat(Slug.of(null)).isEmpty();
    }

    @Test
    void folding_matches_spelling_variants_but_slugs_keep_the_written_form() {
        assertThat(ArabicText.fold("الإرهابيّين")).isEqualTo(ArabicText.fold("الارهابيين"));
        assertThat(ArabicText.fold("مدرسة")).isEqualTo("مدرسه");
        assertThat(ArabicText.fold("على")).isEqualTo("علي");
        assertThat(ArabicText.fold("٢٠١٥")).isEqualTo("2015");
        assertThat(Slug.of("الإرهابيين")).isEqualTo("الإرهابيين");
    }
}
