package org.nashir.cli;

import org.nashir.Nashir;
import org.nashir.backup.SiteExport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.concurrent.Callable;

/** {@code export json FILE}: the whole site as JSON (README, "Export and backup"), written to a temporary name and renamed. */
@Command(name = "export", description = "صدّر الموقع كله ملفاً واحداً")
public final class ExportCommand implements Callable<Integer> {
    @Mixin
    SiteOptions site;

    @Parameters(index = "0", paramLabel = "FORMAT", description = "الصيغة: json")
    String format;

    @Parameters(index = "1", paramLabel = "FILE", description = "الملف المراد كتابته")
    Path file;

    @Override
    public Integer call() throws IOException {
        if (!format.equals("json")) {
            System.err.println("صيغة تصدير غير مدعومة: " + format + " (المتاح: json)");
            return 2;
        }
        try (Nashir nashir = new Nashir(site.batchSettings(), Clock.systemUTC())) {
            Path target = file.toAbsolutePath();
            Path partial = target.resolveSibling(target.getFileName() + ".partial");
            long rows;
            try (OutputStream out = Files.newOutputStream(partial)) {
                rows = new SiteExport(nashir.db, nashir.changes).export(out);
            }
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            System.out.println("صُدّر " + rows + " صفاً إلى " + target + " (" + Files.size(target) / 1024 + " كيلوبايت)");
        }
        return 0;
    }
}
