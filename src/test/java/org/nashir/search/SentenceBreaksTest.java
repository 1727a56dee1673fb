package org.nashir.search;

import org.junit.jupiter.api.Test;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SentenceBreaksTest {
    static final String TEXT = "قال الوزير إن الاجتماع انتهى. هل يعود الوفد غدا؟ ربما… السطر الأخير\nوما بعده";

    static List<String> sentences(String text) {
        BreakIterator b = new SentenceBreaks();
        b.setText(text);
        List<String> out = new ArrayList<>();
        for (int start = b.first(), end = b.next(); end != BreakIterator.DONE; start = end, end = b.next()) out.add(text.substring(start, end));
        return out;
    }

    @Test
    void arabic_and_latin_sentence_marks_and_line_breaks_end_a_sentence() {
        assertThat(sentences(TEXT)).containsExactly("قال الوزير إن الاجتماع انتهى.", " هل يعود الوفد غدا؟", " ربما…", " السطر الأخير\n", "وما بعده");
    }

    @Test
    void following_and_preceding_find_the_sentence_around_an_offset() {
        BreakIterator b = new SentenceBreaks();
        b.setText(TEXT);
        int inSecond = TEXT.indexOf("الوفد");
        int start = b.preceding(inSecond);
        int end = b.following(inSecond);
        assertThat(TEXT.substring(start, end)).isEqualTo(" هل يعود الوفد غدا؟");
        assertThat(b.following(TEXT.length())).isEqualTo(BreakIterator.DONE);
        assertThat(b.preceding(0)).isEqualTo(BreakIterator.DONE);
        assertThat(b.isBoundary(0)).isTrue();
        assertThat(b.isBoundary(inSecond)).isFalse();
    }

    @Test
    void closing_quotes_stay_with_the_sentence_they_close() {
        assertThat(sentences("قال: «انتهى الاجتماع.» ثم غادر. وقال \"نعم.\" أخيراً")).containsExactly("قال: «انتهى الاجتماع.»", " ثم غادر.", " وقال \"نعم.\"", " أخيراً");
    }

    @Test
    void a_run_of_marks_ends_one_sentence_not_several() {
        assertThat(sentences("ماذا؟!! نعم.")).containsExactly("ماذا؟!!", " نعم.");
    }
}
