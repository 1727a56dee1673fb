package org.nashir.importer;

import org.nashir.arabic.ArabicText;
import org.nashir.article.Article;
import org.nashir.article.BodyHtml;
import org.nashir.article.NewArticle;
import org.nashir.article.ArticleImport;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.List;

/**
 * Importing old pages into Nashir. Each file is one transaction: it is imported whole or not at all, and a file
 * that cannot be read never stops the others. An article already imported (same title and date, from any file)
 * is recognised and left alone, so an import can be run again after fixing the files that failed.
 */
public final class Importing {
    static final int MAX_FILE_BYTES = 5 * 1024 * 1024;

    /** What happened to one file: imported as {@code articleId}, already there ({@code existed}), or its problems. */
    public record Outcome(String file, Long articleId, boolean existed, List<String> problems) {
        public boolean failed() {
            return !problems.isEmpty();
        }
    }

    private final ArticleImport imports;
    private final ZoneId zone;

    public Importing(ArticleImport imports, ZoneId zone) {
        this.imports = imports;
        this.zone = zone;
    }

    public Outcome importText(String file, byte[] bytes, String section) {
        if (bytes.length > MAX_FILE_BYTES) {
            return failed(file, "الملف أكبر من الحد المسموح (" + MAX_FILE_BYTES / (1024 * 1024) + " ميغابايت)");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return failed(file, "الملف ليس نصاً بترميز UTF-8");
        }
        if (text.indexOf('\0') >= 0) return failed(file, "الملف ثنائي وليس نصاً");
        TextDump.Result result = TextDump.parse(text);
        if (!result.ok()) return new Outcome(file, null, false, result.problems());
        TextDump.Parsed p = result.article();
        String key = "text:" + sha256(ArabicText.fold(p.title()) + "|" + p.published().toLocalDate());
        try {
            ArticleImport.Created created = imports.create(new NewArticle(p.title(), null, null, BodyHtml.fromParagraphs(p.paragraphs()),
                p.bylines(), p.sourceName(), p.sourceUrl(), p.section() != null ? p.section() : section, p.tags(), p.label(),
                Article.PUBLISHED, p.published().atZone(zone).toInstant(), p.views() == null ? 0 : p.views(), null, key));
            return new Outcome(file, created.id(), created.existed(), List.of());
        } catch (IllegalArgumentException e) {
            return failed(file, "بيانات غير صالحة: " + e.getMessage());
        }
    }

    private static Outcome failed(String file, String problem) {
        return new Outcome(file, null, false, List.of(problem));
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
