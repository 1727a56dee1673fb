package org.nashir.cli;

import org.nashir.backup.SiteExport;
import org.nashir.Nashir;
import org.nashir.importer.Importing;
import org.nashir.importer.WxrImport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code import text FILE…}: one line per file saying what became of it, a summary, and exit status 1 if any
 * file failed (the others are imported all the same).
 */
@Command(name = "import", description = "استورد مقالات من موقع قديم")
public final class ImportCommand implements Callable<Integer> {
    @Mixin
    SiteOptions site;

    @Parameters(index = "0", paramLabel = "FORMAT", description = "صيغة الملفات: text (نص صفحة منسوخة)، wxr (تصدير ووردبريس، xml أو xml.gz)، json (تصدير ناشر)")
    String format;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "FILE", description = "الملفات")
    List<Path> files;

    @Option(names = "--section", paramLabel = "NAME", defaultValue = "أرشيف", description = "القسم لمقالات لا تذكر قسمها (الافتراضي: أرشيف)")
    String section;

    @Option(names = "--media", paramLabel = "DIR", description = "مجلد wp-content/uploads لاستيراد الصور الرئيسية (لـ wxr)")
    Path mediaDir;

    @Override
    public Integer call() {
        if (format.equals("wxr")) return wxr();
        if (format.equals("json")) return json();
        if (!format.equals("text")) {
            System.err.println("صيغة غير مدعومة: " + format + " (المتاح: text، wxr، json)");
            return 2;
        }
        int imported = 0, existing = 0, failed = 0;
        try (Nashir nashir = new Nashir(site.batchSettings(), Clock.systemUTC())) {
            Importing importing = new Importing(nashir.imports, nashir.settings.timeZone());
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

    /** WordPress exports: one summary per file, each problem with its WordPress id; exit 1 if any item or file failed. */
    private int wxr() {
        if (mediaDir != null && !Files.isDirectory(mediaDir)) {
            System.err.println("مجلد الوسائط غير موجود: " + mediaDir);
            return 2;
        }
        boolean failed = false;
        try (Nashir nashir = new Nashir(site.batchSettings(), Clock.systemUTC())) {
            WxrImport wxr = new WxrImport(nashir.imports, nashir.articles, nashir.comments, nashir.spam, nashir.media, nashir.staticPages, nashir.menus,
                nashir.settings.timeZone(), section, nashir.settings.mediaMaxMegabytes() * 1024L * 1024L);
            for (Path file : files) {
                if (!Files.isReadable(file)) {
                    System.err.println("✗ " + file + ": الملف غير موجود أو لا يمكن قراءته");
                    failed = true;
                    continue;
                }
                Progress progress = new Progress();
                WxrImport.Report r;
                try {
                    r = wxr.run(file, mediaDir, progress::update);
                } catch (IOException e) {
                    progress.end();
                    System.err.println("✗ " + file + ": تعذّرت قراءة الملف: " + e.getMessage());
                    failed = true;
                    continue;
                }
                progress.end();
                for (WxrImport.Problem p : r.problems) {
                    System.err.println("✗ " + file + ":" + p.line() + " تدوينة ووردبريس رقم " + p.wordpressId() + ": " + p.message());
                }
                if (r.brokenAt > 0) {
                    System.err.println("✗ " + file + ":" + r.brokenAt + " الملف مقطوع أو ليس XML سليماً، ولم يُقرأ ما بعد هذا السطر (" + r.brokenBecause + ")");
                }
                System.out.println(file + ": استُورد " + r.imported + " مقالاً مع " + r.comments + " تعليقاً، و" + r.pages + " صفحة ثابتة، و"
                    + r.menuItems + " عنصر قائمة، موجود سابقاً " + r.existed + "، تُرك " + r.skipped + " (مرفقات ومحذوفات)، مشكلات " + r.problems.size()
                    + (mediaDir == null ? "" : "؛ صور النصوص: حُفظت " + r.imagesStored + "، لم توجد في مجلد الوسائط " + r.imagesMissing));
                failed |= r.failed();
            }
        }
        return failed ? 1 : 0;
    }

    /** A site exported by {@code export json}, into this empty one: all of it or nothing. */
    private int json() {
        if (files.size() != 1) {
            System.err.println("import json يأخذ ملفاً واحداً، لا " + files.size());
            return 2;
        }
        Path file = files.getFirst();
        try (Nashir nashir = new Nashir(site.batchSettings(), Clock.systemUTC());
             java.io.InputStream in = new java.io.BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            long rows = new SiteExport(nashir.db, nashir.changes).importInto(in);
            System.out.println("استُورد " + rows + " صفاً من " + file + "؛ يُبنى فهرس البحث عند تشغيل الموقع.");
            return 0;
        } catch (SiteExport.Refused e) {
            System.err.println("✗ " + file + ": " + e.getMessage() + " (لم يُستورد شيء)");
            return 1;
        } catch (IOException e) {
            System.err.println("✗ " + file + ": تعذّرت قراءة الملف: " + e.getMessage());
            return 1;
        }
    }

    /** A bar, the share done, the count and the rate on one terminal line, redrawn at most four times a second; silent when not on a terminal. */
    private static final class Progress {
        private final boolean terminal = onTerminal();
        private final long started = System.nanoTime();
        private long drawn;

        /**
         * Whether stderr is a person's terminal. Since JDK 22 System.console() exists when output is redirected too,
         * and only Console.isTerminal() (not in the Java 21 API this is built against) tells the two apart.
         */
        private static boolean onTerminal() {
            java.io.Console console = System.console();
            if (console == null) return false;
            try {
                return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
            } catch (ReflectiveOperationException olderJdk) {
                return true;
            }
        }

        void update(WxrImport.Progress p) {
            long now = System.nanoTime();
            if (!terminal || now - drawn < 250_000_000L) return;
            drawn = now;
            double seconds = Math.max(0.001, (now - started) / 1e9);
            int filled = (int) Math.round(p.done() * 30);
            System.err.printf(java.util.Locale.ROOT, "\r[%s%s] %3.0f%% %,d تدوينة (%,.0f في الثانية)   ",
                "#".repeat(filled), ".".repeat(30 - filled), p.done() * 100, p.items(), p.items() / seconds);
        }

        void end() {
            if (terminal && drawn != 0) System.err.println();
        }
    }
}
