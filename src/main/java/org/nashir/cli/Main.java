package org.nashir.cli;

import org.nashir.config.Settings;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code java -jar nashir.jar <command>}: the operator's entry point. */
@Command(name = "nashir", mixinStandardHelpOptions = true, version = "Nashir 0.1",
    description = "ناشر: منصة نشر إخبارية عربية", subcommands = {ServeCommand.class, ImportCommand.class, ExportCommand.class, BackupCommand.class, RestoreCommand.class,
        UserCommand.class, TokenCommand.class, ReindexCommand.class, MediaCommand.class})
public final class Main {
    public static void main(String[] args) {
        // Before anything uses the common pool: its threads at normal priority (see the class).
        System.setProperty("java.util.concurrent.ForkJoinPool.common.threadFactory", org.nashir.web.WebServer.CommonPoolThreads.class.getName());
        System.exit(run(args));
    }

    /** Runs a command and returns its exit status; errors are printed in plain words, stack traces only with --verbose. */
    public static int run(String... args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            boolean verbose = parsed.originalArgs().contains("--verbose");
            cmd.getErr().println("خطأ: " + (e instanceof Settings.Invalid ? "إعدادات غير صالحة:\n" + e.getMessage() : describe(e)));
            if (verbose) e.printStackTrace(cmd.getErr());
            else cmd.getErr().println("(أعد التشغيل مع --verbose لعرض التفاصيل)");
            return 1;
        });
        return cli.execute(args);
    }

    private static String describe(Throwable e) {
        StringBuilder out = new StringBuilder();
        // The machine's state, said first and plainly: the technical message below it is SQLite's or the JVM's, in English.
        org.nashir.web.StorageFailure storage = org.nashir.web.StorageFailure.of(e);
        if (storage == org.nashir.web.StorageFailure.DISK_FULL) out.append("القرص الذي يحمل مجلد البيانات ممتلئ، فلا يستطيع ناشر أن يكتب شيئاً. حرّر مساحة عليه ثم أعد المحاولة.\n");
        if (storage == org.nashir.web.StorageFailure.READ_ONLY) out.append("نظام الملفات الذي يحمل مجلد البيانات للقراءة فقط، فلا يستطيع ناشر أن يكتب شيئاً. أصلحه ثم أعد المحاولة.\n");
        out.append(e.getMessage());
        for (Throwable c = e.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
            if (c.getMessage() != null) out.append("\n  سببه: ").append(c.getMessage());
        }
        return out.toString();
    }
}
