package org.nashir.testing;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Debian's Chromium driven by Selenium, never a downloaded browser. Where Chromium is not installed the
 * browser tests are skipped, unless {@code -Dnashir.requireBrowser=true} (set by .ci/run) makes that a failure.
 */
public final class Browser {
    public static final String CHROMIUM = "/usr/bin/chromium";
    public static final String DRIVER = "/usr/bin/chromedriver";

    private Browser() {}

    public static ChromeDriver open(boolean javascript, int width, int height) {
        boolean present = new File(CHROMIUM).canExecute() && new File(DRIVER).canExecute();
        if (!present && Boolean.getBoolean("nashir.requireBrowser")) {
            throw new IllegalStateException("browser tests are required but " + CHROMIUM + " or " + DRIVER + " is missing (apt-get install -y chromium chromium-driver)");
        }
        Assumptions.assumeTrue(present, "Chromium is not installed: apt-get install -y chromium chromium-driver");
        Path profile;
        try {
            profile = Files.createTempDirectory("nashir-chromium");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
            "--user-data-dir=" + profile, "--window-size=" + width + "," + height,
            // A reader's browser: headless Chromium's own user agent is (rightly) not counted as a view.
            "--user-agent=" + TestSite.BROWSER_UA);
        // The console is kept so tests can see script errors and Content-Security-Policy refusals.
        options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL", "performance", "ALL"));
        if (!javascript) options.setExperimentalOption("prefs", Map.of("profile.managed_default_content_settings.javascript", 2));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(DRIVER)).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    /** The console's errors since the last call (script errors, CSP refusals, failed loads). */
    public static java.util.List<String> consoleErrors(ChromeDriver driver) {
        return driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
            .filter(e -> e.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue()).map(e -> e.getMessage()).toList();
    }

    /**
     * Every network address the browser has asked for since the last call, from its network log (the DevTools protocol's
     * requestWillBeSent events): pages, scripts, pictures, frames, whatever started them.
     */
    public static java.util.List<String> requests(ChromeDriver driver) {
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        java.util.List<String> urls = new java.util.ArrayList<>();
        for (var entry : driver.manage().logs().get(org.openqa.selenium.logging.LogType.PERFORMANCE).getAll()) {
            try {
                var message = json.readTree(entry.getMessage()).path("message");
                String url = message.path("params").path("request").path("url").asText();
                // The browser's own pages (chrome://) and data: addresses never leave the machine.
                if (message.path("method").asText().equals("Network.requestWillBeSent") && url.matches("(?i)(https?|wss?)://.*")) urls.add(url);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return urls;
    }

    public static Path screenshot(ChromeDriver driver, String name) {
        try {
            Path dir = Files.createDirectories(Path.of("target", "screenshots"));
            Path file = dir.resolve(name + ".png");
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save screenshot " + name, e);
        }
    }

}
