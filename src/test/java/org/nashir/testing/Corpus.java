package org.nashir.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * The ANT corpora from {@code ../shared/data} (internal testing only: read in place, never copied into the
 * repository). Duplicates ({@code duplicate_of}) and records without title or text are skipped.
 */
public final class Corpus {
    public record Doc(String id, String title, String text, String category, String published) {}

    /** The corpora's categories as a Nashir site would name its sections. */
    static final java.util.Map<String, String> SECTIONS = java.util.Map.of("internationalNews", "دولي", "middleEast", "الشرق الأوسط", "sport", "رياضة",
        "economy", "اقتصاد", "technology", "تقنية", "culture", "ثقافة", "localNews", "محليات", "society", "مجتمع", "politic", "سياسة",
        "diverse", "منوعات");

    private Corpus() {}

    public static String section(Doc d) {
        return SECTIONS.getOrDefault(d.category(), "أخبار");
    }

    /** The publication time; a missing or odd date becomes 2018-01-01. */
    public static java.time.Instant published(Doc d) {
        String iso = d.published();
        try {
            return iso.length() == 10 ? java.time.LocalDate.parse(iso).atStartOfDay(java.time.ZoneOffset.UTC).toInstant() : java.time.OffsetDateTime.parse(iso).toInstant();
        } catch (RuntimeException e) {
            return java.time.Instant.parse("2018-01-01T00:00:00Z");
        }
    }

    public static Path shared() {
        String dir = System.getProperty("nashir.shared", "");
        Path p = Path.of(dir.isBlank() ? "../shared" : dir);
        if (!Files.isDirectory(p.resolve("data"))) throw new IllegalStateException("the ANT corpora are expected under " + p.resolve("data") + " (-Dnashir.shared=DIR)");
        return p;
    }

    public static List<Doc> all() {
        List<Doc> docs = new ArrayList<>(read(shared().resolve("data/ant-multisource-v2.1/ant_multisource_v2.1.jsonl.gz")));
        docs.addAll(read(shared().resolve("data/ant-jawharafm-v1.1/ant_jawharafm_v1.1.jsonl.gz")));
        return docs;
    }

    public static List<Doc> read(Path file) {
        ObjectMapper json = new ObjectMapper();
        List<Doc> out = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                JsonNode n = json.readTree(line);
                if (n.hasNonNull("duplicate_of")) continue;
                String title = n.path("title").asText(""), text = n.path("text").asText("");
                if (title.isBlank() || text.isBlank()) continue;
                out.add(new Doc(n.path("id").asText(), title, text, n.path("category").asText("news"), n.path("published").asText("")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return out;
    }
}
