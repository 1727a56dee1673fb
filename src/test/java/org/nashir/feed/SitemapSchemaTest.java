package org.nashir.feed;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nashir.testing.TestSite;
import org.xml.sax.SAXException;

import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The article and page sitemaps validate against the sitemaps.org schema ({@code sitemap.xsd}). The schema is not
 * in the repository (it is sitemaps.org's); .ci/run fetches it from the npm registry's {@code sitemap} package and
 * passes its folder as {@code -Dnashir.sitemapXsd}. FeedTest checks the same sitemaps' content everywhere.
 */
class SitemapSchemaTest {
    @Test
    void article_and_page_sitemaps_are_valid_sitemaps(@TempDir Path dir) throws Exception {
        String folder = System.getProperty("nashir.sitemapXsd", "");
        Assumptions.assumeTrue(!folder.isBlank(), "set -Dnashir.sitemapXsd=DIR (holding sitemap.xsd) to validate sitemaps");
        Path xsd = Path.of(folder).resolve("sitemap.xsd");
        assertThat(xsd).as("nashir.sitemapXsd is set but has no sitemap.xsd").exists();
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file");
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        Validator validator = factory.newSchema(xsd.toFile()).newValidator();
        try (TestSite site = TestSite.create(dir).start()) {
            site.publish("ثقافة", "معرض قديم", Instant.parse("2015-11-16T10:00:00Z"), "نص.");
            site.publish("سياسة", "خبر اليوم & \"اقتباس\" <وسم>", site.clock.instant().minus(Duration.ofHours(2)), "نص.");
            for (String path : new String[] {"/sitemap-articles-1.xml", "/sitemap-pages.xml"}) {
                String xml = site.get(path).body();
                validator.validate(new StreamSource(new StringReader(xml)));
            }
            // The check can fail: a sitemap with an element the schema does not allow is refused.
            String broken = site.get("/sitemap-articles-1.xml").body().replaceFirst("<loc>", "<where>").replaceFirst("</loc>", "</where>");
            assertThatThrownBy(() -> validator.validate(new StreamSource(new StringReader(broken)))).isInstanceOf(SAXException.class);
        }
        assertThat(Files.size(xsd)).isPositive();
    }
}
