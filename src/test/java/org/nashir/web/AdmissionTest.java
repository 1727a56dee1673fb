package org.nashir.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nashir.testing.TestSite;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 13: when anonymous uncached work is saturated it is turned away first; cached reads and editors go on. */
class AdmissionTest {
    @Test
    void searches_get_503_with_retry_after_while_pages_and_the_back_office_answer(@TempDir Path dir) {
        try (TestSite site = TestSite.create(dir, Map.of("NASHIR_SHED_CONCURRENCY", "1", "NASHIR_HTTP_THREADS", "16", "NASHIR_BACK_OFFICE_THREADS", "8")).start()) {
            site.publish("سياسة", "خبر عن الانتخابات", site.clock.instant());
            Admission admission = site.nashir.admission;
            // A slow search holds the only place for anonymous uncached work.
            assertThat(admission.enter(true)).isTrue();
            try {
                var search = site.get("/search?q=%D8%A7%D9%86%D8%AA%D8%AE%D8%A7%D8%A8%D8%A7%D8%AA");
                assertThat(search.statusCode()).isEqualTo(503);
                assertThat(search.headers().firstValue("Retry-After")).hasValue("5");
                assertThat(search.body()).contains("الخادم مشغول").contains("انتظر بضع ثوانٍ");
                var api = site.get("/api/v1/search?q=x");
                assertThat(api.statusCode()).isEqualTo(503);
                assertThat(api.body()).contains("\"code\":\"overloaded\"");
                assertThat(site.get("/").statusCode()).as("cached reads are not shed").isEqualTo(200);
                assertThat(site.get("/admin/sign-in").statusCode()).as("the back office gets in").isEqualTo(200);
            } finally {
                admission.leave(true);
            }
            assertThat(site.get("/search?q=%D8%A7%D9%86%D8%AA%D8%AE%D8%A7%D8%A8%D8%A7%D8%AA").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void the_public_site_cannot_take_the_back_offices_reserve() {
        Admission admission = new Admission(4, 16, 8);
        for (int i = 0; i < 8; i++) assertThat(admission.enter(false)).as("public place " + i).isTrue();
        assertThat(admission.enter(false)).as("the ninth would take the reserve").isFalse();
        admission.leave(false);
        assertThat(admission.enter(true)).isTrue();
    }
}
