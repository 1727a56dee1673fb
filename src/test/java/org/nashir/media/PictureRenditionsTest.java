package org.nashir.media;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nashir.testing.Images;
import org.nashir.testing.TestSite;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** A picture placed in a text by its address still offers readers its smaller renditions. */
class PictureRenditionsTest {
    @Test
    void the_address_of_a_rendition_leads_to_the_pictures_srcset_and_nothing_else_does(@TempDir Path dir) throws Exception {
        try (TestSite site = TestSite.create(dir)) {
            long id = site.nashir.media.add("square.jpg", Images.jpeg(1200, 800), 10L * 1024 * 1024, "الساحة", "", "", null, null);
            Media m = site.nashir.media.findAny(id).orElseThrow();
            assertThat(site.nashir.media.srcsetFor(m.srcNear(1024))).contains(m.srcset());
            assertThat(m.srcset()).contains("768w").contains("1200w");
            assertThat(site.nashir.media.srcsetFor(m.src(900))).as("a width never made").isEmpty();
            assertThat(site.nashir.media.srcsetFor("/media/" + "0".repeat(32) + "/640.jpg")).as("no such picture").isEmpty();
            assertThat(site.nashir.media.srcsetFor("https://example.org" + m.srcNear(1024))).as("another site's address").isEmpty();
        }
    }
}
