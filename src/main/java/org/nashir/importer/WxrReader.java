package org.nashir.importer;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a WordPress export (WXR, any of its versions 1.0 to 1.2) one {@code <item>} at a time with StAX, so a
 * 200 MB export never sits in memory: only the item being read and the (small) list of the site's authors do.
 * DTDs and external entities are refused: an export is a file from elsewhere, and XXE must not read this machine's
 * files. Values are returned as written; {@link WxrImport} decides what they mean.
 */
final class WxrReader implements AutoCloseable {
    /** A category or tag on a post: {@code domain} is {@code category} or {@code post_tag}. */
    record Term(String domain, String slug, String name) {}

    record Comment(String id, String author, String email, String ip, String date, String dateGmt, String content, String approved,
                   String type, String parent) {}

    /** One {@code <item>}: a post, page, attachment or anything else the site stored as a post. */
    record Item(String id, String parent, String menuOrder, String title, String link, String creator, String content, String excerpt, String date, String dateGmt,
                String pubDate, String name, String status, String type, String attachmentUrl, List<Term> terms,
                Map<String, String> meta, List<Comment> comments, int line) {}

    private static final String CONTENT = "http://purl.org/rss/1.0/modules/content/";
    private static final String DC = "http://purl.org/dc/elements/1.1/";

    private final XMLStreamReader xml;
    /** login → display name, from the channel's {@code <wp:author>} entries (they come before the items). */
    final Map<String, String> authors = new HashMap<>();
    String baseSiteUrl = "";

    WxrReader(InputStream in) throws XMLStreamException {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        xml = f.createXMLStreamReader(new XmlCharacters(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8)));
    }

    /**
     * Drops the control characters XML 1.0 forbids (all below U+0020 but tab, line feed and carriage return).
     * WordPress exports them as they were pasted into posts and comments, and a parser stops at the first one,
     * which would end an import halfway through a real site's export over an invisible character.
     */
    static final class XmlCharacters extends java.io.FilterReader {
        XmlCharacters(java.io.Reader in) {
            super(in);
        }

        @Override
        public int read() throws java.io.IOException {
            int c;
            do c = super.read(); while (c >= 0 && forbidden(c));
            return c;
        }

        @Override
        public int read(char[] buf, int off, int len) throws java.io.IOException {
            while (true) {
                int n = super.read(buf, off, len);
                if (n <= 0) return n;
                int kept = off;
                for (int i = off; i < off + n; i++) if (!forbidden(buf[i])) buf[kept++] = buf[i];
                if (kept > off) return kept - off;
            }
        }

        private static boolean forbidden(int c) {
            return c < 0x20 && c != '\t' && c != '\n' && c != '\r';
        }
    }

    /** The next item, or null at the end of the export. */
    Item next() throws XMLStreamException {
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.DTD) {
                // WordPress writes no DOCTYPE; one in an export can only declare entities, the XXE route.
                throw new XMLStreamException("DOCTYPE refused: a WordPress export has none", xml.getLocation());
            }
            if (event != XMLStreamConstants.START_ELEMENT) continue;
            String ns = ns(), name = xml.getLocalName();
            if (name.equals("item") && ns.isEmpty()) return item();
            if (isWp(ns) && name.equals("author")) author();
            else if (isWp(ns) && name.equals("base_site_url")) baseSiteUrl = text();
            else if (ns.isEmpty() && name.equals("link") && baseSiteUrl.isEmpty()) baseSiteUrl = text();
        }
        return null;
    }

    /** Where the reader is, for messages about a file that breaks off. */
    int line() {
        return xml.getLocation().getLineNumber();
    }

    private Item item() throws XMLStreamException {
        int line = line();
        Map<String, String> f = new HashMap<>();
        List<Term> terms = new ArrayList<>();
        Map<String, String> meta = new LinkedHashMap<>();
        List<Comment> comments = new ArrayList<>();
        while (true) {
            int e = xml.next();
            if (e == XMLStreamConstants.END_ELEMENT && xml.getLocalName().equals("item") && ns().isEmpty()) break;
            if (e != XMLStreamConstants.START_ELEMENT) continue;
            String ns = ns(), name = xml.getLocalName();
            if (ns.isEmpty() && name.equals("category")) {
                String domain = attr("domain"), slug = attr("nicename");
                terms.add(new Term(domain == null ? "category" : domain, slug == null ? "" : slug, text()));
            } else if (isWp(ns) && name.equals("postmeta")) {
                Map<String, String> kv = children("postmeta");
                if (kv.get("meta_key") != null) meta.put(kv.get("meta_key"), kv.getOrDefault("meta_value", ""));
            } else if (isWp(ns) && name.equals("comment")) {
                Map<String, String> c = children("comment");
                comments.add(new Comment(c.get("comment_id"), c.get("comment_author"), c.get("comment_author_email"), c.get("comment_author_IP"),
                    c.get("comment_date"), c.get("comment_date_gmt"), c.get("comment_content"), c.get("comment_approved"),
                    c.get("comment_type"), c.get("comment_parent")));
            } else {
                String key = ns.equals(CONTENT) ? "content:" + name : ns.endsWith("/excerpt/") ? "excerpt:" + name
                    : ns.equals(DC) ? "dc:" + name : isWp(ns) ? "wp:" + name : name;
                f.put(key, text());
            }
        }
        return new Item(f.get("wp:post_id"), f.get("wp:post_parent"), f.get("wp:menu_order"), f.get("title"), f.get("link"), f.get("dc:creator"), f.get("content:encoded"),
            f.get("excerpt:encoded"), f.get("wp:post_date"), f.get("wp:post_date_gmt"), f.get("pubDate"), f.get("wp:post_name"),
            f.get("wp:status"), f.get("wp:post_type"), f.get("wp:attachment_url"), terms, meta, comments, line);
    }

    private void author() throws XMLStreamException {
        Map<String, String> a = children("author");
        String login = a.get("author_login");
        if (login == null || login.isBlank()) return;
        String display = a.get("author_display_name");
        if (display == null || display.isBlank()) {
            display = (a.getOrDefault("author_first_name", "") + " " + a.getOrDefault("author_last_name", "")).strip();
        }
        authors.put(login.strip(), display.isBlank() ? login.strip() : display.strip());
    }

    /** The text of each direct child of the element just opened, by local name, up to its end. */
    private Map<String, String> children(String end) throws XMLStreamException {
        Map<String, String> out = new HashMap<>();
        while (true) {
            int e = xml.next();
            if (e == XMLStreamConstants.END_ELEMENT && xml.getLocalName().equals(end)) return out;
            if (e == XMLStreamConstants.START_ELEMENT) out.put(xml.getLocalName(), text());
        }
    }

    /** The element's text (CDATA included), skipping any markup inside it. */
    private String text() throws XMLStreamException {
        StringBuilder b = new StringBuilder();
        int depth = 1;
        while (depth > 0) {
            int e = xml.next();
            switch (e) {
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> b.append(xml.getText());
                case XMLStreamConstants.START_ELEMENT -> depth++;
                case XMLStreamConstants.ENTITY_REFERENCE -> throw new XMLStreamException("undeclared entity &" + xml.getLocalName() + "; refused", xml.getLocation());
                case XMLStreamConstants.END_ELEMENT -> depth--;
                default -> { }
            }
        }
        return b.toString();
    }

    private String attr(String name) {
        return xml.getAttributeValue(null, name);
    }

    private String ns() {
        String ns = xml.getNamespaceURI();
        return ns == null ? "" : ns;
    }

    private static boolean isWp(String ns) {
        return ns.startsWith("http://wordpress.org/export/") && !ns.endsWith("/excerpt/");
    }

    @Override
    public void close() throws XMLStreamException {
        xml.close();
    }
}
