package org.nashir.cli;

import org.nashir.Nashir;
import org.nashir.importer.Importing;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code import text FILE…}: one line per file saying what became of it, a summary, and exit status 1 if any
 * file failed (the others are imported all the same).
 */
@Command(name = "import", description = "استورد مقالات من موقع قديم")
public final class ImportCommand implements Callable<Integer> {
    @Mixin
    SiteOptions site;

    @Parameters(index = "0", paramLabel = "FORMAT", description = "صيغة الملفات: text (نص صفحة منسوخة)")
    String format;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "FILE", description = "الملفات")
    List<Path> files;

    @Option(names = "--section", paramLabel = "NAME", defaultValue = "أرشيف", description = "القسم لمقالات لا تذكر قسمها (الافتراضي: أرشيف)")
    String section;

    @Override
    public Integer call() {
        if (!format.equals("text")) {
            System.err.println("صيغة غير مدعومة بعد: " + format + " (المتاح: text)");
            return 2;
        }
        int imported = 0, existing = 0, failed = 0;
        try (Nashir nashir = new Nashir(site.settings(Map.of()), Clock.systemUTC())) {
            Importing importing = new Importing(nashir.publishing, nashir.settings.timeZone());
            for (Path file : files) {
                Importing.Outcome o;
                try {
                    o = importing.importText(file.toString(), Files.readAllBytes(file), section);
                } catch (IOException e) {
                    o = new Importing.Outcome(file.toString(), null, false, List.of("تعذّرت قراءة الملف: " + e.getMessage()));
                }
                if (o.failed()) {
                    failed++;
                    System.err.println("✗ " + file + ": " + String.join("؛ ", o.problems()));
                } else if (o.existed()) {
                    existing++;
                    System.out.println("= " + file + ": مستورد سابقاً /article/" + o.articleId());
                } else {
                    imported++;
                    System.out.println("✓ " + file + ": /article/" + o.articleId());
                }
            }
        }
        System.out.println("استُورد " + imported + "، موجود سابقاً " + existing + "، فشل " + failed + " (من " + files.size() + " ملف)");
        return failed == 0 ? 0 : 1;
    }
}
