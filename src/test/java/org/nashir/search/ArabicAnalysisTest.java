package org.nashir.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Nashir's Arabic analysis on real news words: spellings that must meet, and words that must stay apart. */
class ArabicAnalysisTest {
    static final Analyzer ANALYZER = new ArabicAnalysis();

    static Set<String> terms(String text) {
        return terms(ANALYZER, text);
    }

    static Set<String> terms(Analyzer analyzer, String text) {
        Set<String> out = new HashSet<>();
        try (TokenStream ts = analyzer.tokenStream("body", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) out.add(term.toString());
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    static boolean match(String a, String b) {
        Set<String> x = terms(a);
        x.retainAll(terms(b));
        return !x.isEmpty();
    }

    /** Pairs a reader expects to find each other: spelling, marks, clitics, plurals, ta marbuta, hamza seats. */
    @ParameterizedTest(name = "{0} ~ {1}")
    @CsvSource({
        // hamza on alef, and its seats
        "الإرهابيين, الارهابيين", "إرهابي, ارهابي", "أحمد, احمد", "إسرائيل, اسرائيل", "آلاف, الاف", "أمريكا, امريكا", "إيران, ايران",
        "مسؤول, مسئول", "مسؤولين, مسئولين", "المسؤولية, المسئولية", "رئيس, رءيس", "الرئيس, رئيس", "سؤال, سءال", "شؤون, شئون",
        "ٱلله, الله", "أوروبا, اوروبا", "إعلان, اعلان", "الأمم, الامم", "أكثر, اكثر",
        // ta marbuta and alef maqsura
        "الحكومة, الحكومه", "مدرسة, مدرسه", "مستشفى, مستشفي", "الكبرى, الكبري", "مصطفى, مصطفي", "المنطقة, المنطقه",
        "القاهرة, القاهره", "الجامعة, الجامعه", "الدولة, الدوله", "مستوى, مستوي",
        // سوريا/سورية and friends
        "سوريا, سورية", "سوريا, السورية", "ليبيا, ليبية", "سورية, السوريين", "تركيا, التركية", "روسيا, الروسية", "بريطانيا, البريطانية",
        // tashkeel, tatweel, invisible marks, presentation forms, digits
        "مُحَمَّد, محمد", "الحُكُومَة, الحكومة", "العـــربية, العربية", "أخبـار, اخبار", "سلامٌ, سلام", "كَتَبَ, كتب",
        "الأمم\u200F, الأمم", "ﻻ\u0020ﺷﻲء, لا شيء", "٢٠١٥, 2015", "۲۰۱۵, 2015", "فيروس\u200C, فيروس",
        // stacked proclitics
        "وللحكومه, الحكومة", "وبالمدرسة, المدرسة", "بالمدرسة, مدرسة", "والمدرسة, مدرسة", "للحكومة, حكومة", "فالحكومة, الحكومة",
        "وكالمدرسة, المدرسة", "بمدرسة, مدرسة", "والانتخابات, الانتخابات", "وبالانتخابات, انتخابات", "فللمدرسة, المدرسة",
        "لمدرسة, مدرسة", "كالعادة, العادة", "والعالم, العالم", "وقال, قال", "فقال, قال", "وأضاف, أضاف", "وأكد, أكد",
        // the future particle
        "سيقول, يقول", "ستعلن, تعلن", "سنعمل, نعمل", "سيزور, يزور",
        // sound plurals, duals, nisba
        "الانتخابات, انتخاب", "المعلمون, المعلمين", "المعلمين, معلم", "اللاعبون, لاعب", "مهندسين, مهندس", "الفلسطينيين, فلسطيني",
        "المصريين, مصري", "الطالبتان, طالبة", "الدولتين, الدولة", "السوريون, سوري", "الإيرانية, إيراني", "مسلحين, مسلح",
        // pronoun suffixes
        "حكومته, الحكومة", "مدرستها, مدرسة", "بلادنا, بلاد", "رئيسها, الرئيس", "كتابه, كتاب", "قرارهم, قرار", "وزيرها, الوزير",
        // protected words keep their letters
        "ماكرون, ماكرين", "تشرين, وتشرين", "وزير, الوزير", "الوزيرة, وزيرة", "فلسطين, لفلسطين", "بيروت, وبيروت", "ليبيا, وليبيا", "الله, والله", "لبنان, ولبنان",
        "بريطانيا, وبريطانيا", "واشنطن, وواشنطن", "وزارة, الوزارة", "فرنسا, وفرنسا",
        // a protected first letter does not protect the ending: plurals of protected words meet their singulars
        "الوزارات, وزارة", "الولايات, ولاية", "وكالات, الوكالة", "السيارات, سيارة", "اللاعبين, لاعب", "الليبيين, ليبي",
        // words whose ending only looks like a suffix keep it, and still lose the suffixes added to them
        "لبنان, اللبنانيون", "البحرين, البحرينية", "الإنسان, إنسانية", "إيران, الإيرانيين",
        // the hamza's seat dropped, as readers type it: ؤ → و, ئ → ي, a final ء after alef left out
        "موامرة, مؤامرة", "مسوول, مسؤول", "المسوولين, المسؤولين", "اسراييل, إسرائيل", "الإسرائيلية, الاسراييلية", "الطواري, الطوارئ",
        "رييس, رئيس", "الرييس, الرئيس", "شوون, شؤون", "موتمر, المؤتمر", "موسسة, مؤسسة", "هييه, هيئة", "قايد, القائد", "الوزرا, الوزراء",
        "العلما, العلماء", "الانبا, أنباء", "بيية, البيئة", "سوال, سؤال", "دايرة, الدائرة", "مسوولية, المسؤولية",
        // a hamza written as a combining mark (decomposed text) is the same letter
        "مسؤول, مسؤول", "أحمد, أحمد"})
    void spellings_a_reader_types_find_each_other(String a, String b) {
        assertThat(match(a, b)).as(terms(a) + " vs " + terms(b)).isTrue();
    }

    /** Words that must not be confused: a clitic-looking first letter or a suffix-looking ending that is not one. */
    @ParameterizedTest(name = "{0} ≁ {1}")
    @CsvSource({
        "وزير, زير", "فلسطين, فلسط", "الله, له", "بيروت, يروت", "ليبيا, يبيا", "لبنان, بنان", "وطن, طن", "فريق, ريق",
        "كتاب, تاب", "بلد, لد", "تلفزيون, تلفزي", "ولاية, لاية", "وكالة, كالة",
        "سيارة, يارة", "سياسة, ياسة", "وقت, قت", "فيلم, يلم", "بنك, نك", "مليون, مل", "كندا, ندا",
        "مدرسة, مدير", "حكومة, حكم", "لبنان, لبن", "البحرين, البحر", "بيان, بي", "طهران, طهر", "السودان, سود", "الإنسان, أنس", "كتب, كاتب", "سوريا, سور", "قال, قل", "على, عل", "عام, عامل",
        // a dropped final ء must not turn a noun into a short verb or name
        "دعاء, دعا", "الدعاء, دعا", "بناء, بنا", "شيء, شي", "بريء, بري", "الشراء, شرا"})
    void words_that_only_look_alike_stay_apart(String a, String b) {
        assertThat(match(a, b)).as(terms(a) + " vs " + terms(b)).isFalse();
    }

    @Test
    void queries_are_analysed_without_the_seatless_spellings_the_index_holds() {
        Set<String> query = terms(ArabicAnalysis.forQueries(), "مؤامرة");
        assertThat(terms("مؤامرة")).as("indexed").contains("موامر");
        assertThat(query).as("asked").doesNotContain("موامر").isNotEmpty();
        assertThat(terms("مؤامرة")).containsAll(query);
    }

    @Test
    void stop_words_are_dropped_after_folding_whatever_their_spelling() {
        assertThat(terms("في إلى الى على علي عن التي")).isEmpty();
        assertThat(terms("إلى القاهرة")).containsExactly("قاهر");
    }

    @Test
    void latin_words_and_numbers_are_kept_lower_cased() {
        assertThat(terms("BBC COVID-19 2015")).contains("bbc", "covid", "19", "2015");
    }

    /** Property: folding never changes what a word means to matching when it is applied twice. */
    @ParameterizedTest
    @MethodSource("corpusLikeWords")
    void analysis_is_idempotent(String word) {
        for (String t : terms(word)) assertThat(terms(t)).as(word + " → " + t).contains(t);
    }

    static Stream<String> corpusLikeWords() {
        List<String> words = new ArrayList<>();
        for (String w : ("الإرهابيين وللحكومة بالمدرسة سيقول مسؤولين السوريين حكومته مدرستها وزير فلسطين الله بيروت ليبيا "
            + "الانتخابات المعلمون الطالبتان كتابه قرارهم أكد لافروف التحالف الدولي الضربات مواقع تنظيم الجيش القيادة").split(" ")) words.add(w);
        return words.stream();
    }
}
