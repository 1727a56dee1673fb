package org.nashir.cli;

import org.nashir.config.Settings;
import picocli.CommandLine.Option;

import java.util.HashMap;
import java.util.Map;

/** Options every command shares; they win over NASHIR_* variables and the properties file. */
public final class SiteOptions {
    @Option(names = "--data", paramLabel = "DIR", description = "مجلد البيانات (NASHIR_DATA_DIR، الافتراضي ./data)")
    String data;

    @Option(names = "--config", paramLabel = "FILE", description = "ملف إعدادات بصيغة properties (NASHIR_CONFIG)")
    String config;

    @Option(names = "--verbose", description = "اعرض تفاصيل الأخطاء التقنية")
    boolean verbose;

    /** For commands that read or write a whole site at once: no statement limit, whatever the site's is. */
    Settings batchSettings() {
        return settings(Map.of("NASHIR_DB_STATEMENT_MS", "0"));
    }

    Settings settings(Map<String, String> more) {
        Map<String, String> flags = new HashMap<>(more);
        if (data != null) flags.put("NASHIR_DATA_DIR", data);
        if (config != null) flags.put("NASHIR_CONFIG", config);
        return Settings.load(flags, System.getenv());
    }
}
