package org.nashir.cli;

import org.nashir.Nashir;
import org.nashir.config.Settings;
import org.nashir.media.BucketFiles;
import org.nashir.media.DiskFiles;
import org.nashir.media.MediaFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.time.Clock;
import java.util.concurrent.Callable;

/**
 * {@code media move --to bucket|disk}: copies every media row's files from {@code <data>/media} to the bucket of
 * {@code NASHIR_S3_*}, or back. Files already there are skipped, so it can run again after an interruption, and
 * nothing is deleted from the source: once it reports no file missing, set (or unset) {@code NASHIR_S3_BUCKET} and
 * restart the nodes, then remove the old copies yourself.
 */
@Command(name = "media", description = "انقل ملفات الوسائط بين مجلد البيانات وحاوية S3")
public final class MediaCommand implements Callable<Integer> {
    @Mixin
    SiteOptions site;

    @Option(names = "--to", required = true, paramLabel = "bucket|disk", description = "bucket: من مجلد البيانات إلى الحاوية؛ disk: من الحاوية إلى مجلد البيانات")
    String to;

    @Override
    public Integer call() throws IOException {
        if (!to.equals("bucket") && !to.equals("disk")) {
            System.err.println("--to يقبل bucket أو disk");
            return 2;
        }
        Settings settings = site.batchSettings();
        Settings.S3 s3 = settings.s3();
        if (s3 == null) {
            System.err.println("لا حاوية مضبوطة: اضبط NASHIR_S3_BUCKET و NASHIR_S3_ENDPOINT و NASHIR_S3_ACCESS_KEY و NASHIR_S3_SECRET_KEY (و NASHIR_S3_REGION) أولاً");
            return 2;
        }
        try (Nashir nashir = new Nashir(settings, Clock.systemUTC());
             BucketFiles bucket = new BucketFiles(s3.endpoint(), s3.bucket(), s3.region(), s3.accessKey(), s3.secretKey())) {
            MediaFiles disk = new DiskFiles(settings.dataDir().resolve("media"));
            MediaFiles from = to.equals("bucket") ? disk : bucket, into = to.equals("bucket") ? bucket : disk;
            var done = nashir.media.copyAll(from, into);
            for (String m : done.missing()) System.err.println("✗ مفقود في " + from.describe() + ": " + m);
            System.out.printf("نُسخ %d ملفاً من %s إلى %s، و%d موجودة قبلُ، و%d مفقودة في المصدر.%n", done.copied(), from.describe(), into.describe(),
                done.present(), done.missing().size());
            return done.missing().isEmpty() ? 0 : 1;
        }
    }
}
