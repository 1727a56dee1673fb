package org.nashir.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nashir.testing.TestSite;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 13: when uncached anonymous work is saturated it is turned away first; cached reads and editors go on. */
class AdmissionTest {
    static final String SEARCH = "/search?q=%D8%A7%D9%86%D8%AA%D8%AE%D8%A7%D8%A8%D8%A7%D8%AA";

    @Test
    void searches_get_503_with_retry_after_while_pages_and_the_back_office_answer(@TempDir Path dir) {
        try (TestSite site = TestSite.create(dir, Map.of("NASHIR_SHED_CONCURRENCY", "1", "NASHIR_HTTP_THREADS", "16", "NASHIR_BACK_OFFICE_THREADS", "8")).start()) {
            site.publish("سياسة", "خبر عن الانتخابات", site.clock.instant());
            Admission admission = site.nashir.admission;
            // A slow search holds the only place for shed-first work.
            assertThat(admission.enter()).isTrue();
            try {
                var search = site.get(SEARCH);
                assertThat(search.statusCode()).isEqualTo(503);
                assertThat(search.headers().firstValue("Retry-After")).hasValue("5");
                assertThat(search.body()).contains("الخادم مشغول").contains("انتظر بضع ثوانٍ");
                var api = site.get("/api/v1/search?q=x");
                assertThat(api.statusCode()).isEqualTo(503);
                assertThat(api.body()).contains("\"code\":\"overloaded\"");
                assertThat(site.get("/").statusCode()).as("pages are not shed").isEqualTo(200);
                assertThat(site.get("/admin/sign-in").statusCode()).as("the back office gets in").isEqualTo(200);
            } finally {
                admission.leave();
            }
            assertThat(site.get(SEARCH).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void with_no_place_to_render_a_cached_page_is_served_as_it_was_and_an_uncached_one_gets_503(@TempDir Path dir) {
        try (TestSite site = TestSite.create(dir, Map.of("NASHIR_PAGE_CACHE_SECONDS", "60", "NASHIR_HTTP_THREADS", "16", "NASHIR_BACK_OFFICE_THREADS", "8")).start()) {
            long old = site.publish("سياسة", "خبر قديم", site.clock.instant().minusSeconds(86_400));
            assertThat(site.get("/").body()).contains("خبر قديم");
            Admission admission = site.nashir.admission;
            int held = 0;
            while (admission.startRender()) held++;
            try {
                site.publish("سياسة", "خبر جديد", site.clock.instant());
                var home = site.get("/");
                assertThat(home.statusCode()).isEqualTo(200);
                assertThat(home.body()).as("the previous version, not a wait").contains("خبر قديم").doesNotContain("خبر جديد");
                var uncached = site.get("/article/" + old);
                assertThat(uncached.statusCode()).isEqualTo(503);
                assertThat(uncached.body()).contains("الخادم مشغول");
            } finally {
                for (int i = 0; i < held; i++) admission.endRender();
            }
            assertThat(site.get("/").body()).contains("خبر جديد");
            assertThat(site.get("/article/" + old).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void public_uncached_work_leaves_the_back_offices_reserve() {
        Admission admission = new Admission(4, 16, 8);
        for (int i = 0; i < 4; i++) assertThat(admission.enter()).as("shed-first place " + i).isTrue();
        assertThat(admission.enter()).isFalse();
        for (int i = 0; i < 4; i++) assertThat(admission.startRender()).as("render place " + i).isTrue();
        assertThat(admission.startRender()).as("the ninth would take the reserve").isFalse();
    }
}
