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

    static final String SITEMAPS = "http://www.sitemaps.org/schemas/sitemap/0.9";
    static final String NEWS = "http://www.google.com/schemas/sitemap-news/0.9";

    static org.w3c.dom.Document parse(String xml) throws Exception {
        var f = javax.xml.parsers.DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new org.xml.sax.InputSource(new StringReader(xml)));
    }

    static void w3cDate(String value) {
        assertThat(value).matches("\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:\\d{2}))?");
    }

    /**
     * The sitemap index and the news sitemap, element by element as the sitemaps.org protocol and Google's news
     * sitemap rules define them (their XSDs are not to be had from the registries this project reaches): the
     * namespaces, the required children in order, absolute addresses of at most 2,048 characters, W3C dates.
     */
    @Test
    void the_index_and_the_news_sitemap_follow_their_protocols(@TempDir Path dir) throws Exception {
        try (TestSite site = TestSite.create(dir).start()) {
            site.publish("سياسة", "خبر اليوم & \"اقتباس\" <وسم>", site.clock.instant().minus(Duration.ofHours(2)), "نص.");
            site.publish("ثقافة", "خبر الأمس", site.clock.instant().minus(Duration.ofHours(30)), "نص.");
            var index = parse(site.get("/sitemap.xml").body()).getDocumentElement();
            assertThat(index.getNamespaceURI()).isEqualTo(SITEMAPS);
            assertThat(index.getLocalName()).isEqualTo("sitemapindex");
            var sitemaps = index.getElementsByTagNameNS(SITEMAPS, "sitemap");
            assertThat(sitemaps.getLength()).isBetween(1, 50_000);
            for (int i = 0; i < sitemaps.getLength(); i++) {
                var children = (org.w3c.dom.Element) sitemaps.item(i);
                var loc = children.getElementsByTagNameNS(SITEMAPS, "loc");
                assertThat(loc.getLength()).isEqualTo(1);
                String url = loc.item(0).getTextContent();
                assertThat(url).startsWith("http").hasSizeLessThanOrEqualTo(2048);
                assertThat(site.get(java.net.URI.create(url).getPath()).statusCode()).as(url).isEqualTo(200);
                var lastmod = children.getElementsByTagNameNS(SITEMAPS, "lastmod");
                if (lastmod.getLength() > 0) w3cDate(lastmod.item(0).getTextContent());
            }

            var news = parse(site.get("/sitemap-news.xml").body()).getDocumentElement();
            assertThat(news.getNamespaceURI()).isEqualTo(SITEMAPS);
            assertThat(news.getLocalName()).isEqualTo("urlset");
            var urls = news.getElementsByTagNameNS(SITEMAPS, "url");
            assertThat(urls.getLength()).as("only the last 48 hours").isEqualTo(2);
            for (int i = 0; i < urls.getLength(); i++) {
                var url = (org.w3c.dom.Element) urls.item(i);
                assertThat(url.getElementsByTagNameNS(SITEMAPS, "loc").item(0).getTextContent()).startsWith("http");
                var item = (org.w3c.dom.Element) url.getElementsByTagNameNS(NEWS, "news").item(0);
                assertThat(item).as("news:news").isNotNull();
                var publication = (org.w3c.dom.Element) item.getElementsByTagNameNS(NEWS, "publication").item(0);
                assertThat(publication.getElementsByTagNameNS(NEWS, "name").item(0).getTextContent()).isNotBlank();
                assertThat(publication.getElementsByTagNameNS(NEWS, "language").item(0).getTextContent()).isEqualTo("ar");
                w3cDate(item.getElementsByTagNameNS(NEWS, "publication_date").item(0).getTextContent());
                assertThat(item.getElementsByTagNameNS(NEWS, "title").item(0).getTextContent()).isNotBlank();
            }
            assertThat(news.getElementsByTagNameNS(NEWS, "title").item(0).getTextContent()).isEqualTo("خبر اليوم & \"اقتباس\" <وسم>");
        }
    }
}
