package org.nashir.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The import map that lets the back-office editor's ES modules import ProseMirror's packages by their npm names.
 * The packages come from Maven Central as WebJars (so building needs only a JDK) and are served from the jar under
 * {@code /webjars/{package}/{version}/}; the version is read from each WebJar's own Maven metadata, so upgrading one
 * is a change to the POM alone. The map is an inline script: its hash goes into the Content-Security-Policy.
 */
final class EditorModules {
    /** Each package and its ES module entry (package.json's "module"). */
    private static final Map<String, String> ENTRIES = new LinkedHashMap<>();

    static {
        for (String p : new String[] {"model", "state", "view", "transform", "commands", "keymap", "history", "schema-list",
            "tables", "dropcursor", "gapcursor"}) {
            ENTRIES.put("prosemirror-" + p, "dist/index.js");
        }
        ENTRIES.put("orderedmap", "dist/index.js");
        ENTRIES.put("rope-sequence", "dist/index.js");
        ENTRIES.put("w3c-keyname", "index.js");
    }

    private EditorModules() {}

    /** {@code {"imports":{"prosemirror-model":"/webjars/prosemirror-model/1.25.4/dist/index.js",…}}}. */
    static String importMap() {
        StringBuilder json = new StringBuilder("{\"imports\":{");
        ENTRIES.forEach((name, entry) -> {
            if (json.charAt(json.length() - 1) != '{') json.append(',');
            json.append('"').append(name).append("\":\"/webjars/").append(name).append('/').append(version(name)).append('/').append(entry).append('"');
        });
        return json.append("}}").toString();
    }

    private static String version(String name) {
        String path = "/META-INF/maven/org.webjars.npm/" + name + "/pom.properties";
        try (InputStream in = EditorModules.class.getResourceAsStream(path)) {
            if (in == null) throw new IllegalStateException("the WebJar " + name + " is missing from the class path");
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }
}
