package org.nashir.testing;

import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The project's {@code ../shared} folder (seed page, corpora), which only developers' machines and CI have.
 * .ci/run passes {@code -Dnashir.shared=…}; without it, tests that need the folder are skipped.
 */
public final class Shared {
    private Shared() {}

    public static Path require(String relative) {
        String dir = System.getProperty("nashir.shared", "");
        Assumptions.assumeTrue(!dir.isBlank(), "set -Dnashir.shared=DIR to run tests on ../shared");
        Path file = Path.of(dir).resolve(relative);
        if (!Files.exists(file)) throw new IllegalStateException("nashir.shared is set but " + file + " is missing");
        return file;
    }

    public static Path seed() {
        return require("seed/massa-2015-11-16.txt");
    }
}
