package org.nashir.browser;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nashir.account.Role;
import org.nashir.account.TwoStep;
import org.nashir.testing.Agent;
import org.nashir.testing.Browser;
import org.nashir.testing.TestSite;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17, in a browser: a writer turns two-step sign-in on with a code computed from the secret the page shows,
 * signs out, signs in with password and code, uses a recovery code once (a second use is refused), and ends another
 * session of theirs.
 */
class TwoStepBrowserTest {
    static String code(TestSite site, String secret) {
        return TwoStep.code(TwoStep.unbase32(secret), site.clock.instant().getEpochSecond() / 30);
    }

    static void password(ChromeDriver b, TestSite site, String email) {
        site.load(b, "/admin/sign-in");
        b.findElement(By.id("email")).sendKeys(email);
        b.findElement(By.id("password")).sendKeys(BackOfficeBrowserTest.PASSWORD);
        b.findElement(By.cssSelector("form button[type=submit]")).click();
        BackOfficeBrowserTest.waitFor(b, "#code");
    }

    static void signOut(ChromeDriver b) {
        b.findElement(By.cssSelector("form.signout button")).click();
        BackOfficeBrowserTest.waitFor(b, "#email");
    }

    @Test
    void a_writer_turns_two_step_on_signs_in_with_a_code_and_a_recovery_code_once_and_ends_another_session(@TempDir Path dir) {
        try (TestSite site = TestSite.create(dir).start()) {
            site.nashir.accounts.create("writer@example.org", "كاتب", Role.WRITER, BackOfficeBrowserTest.PASSWORD);
            ChromeDriver b = Browser.open(true, 1280, 1000);
            try {
                BackOfficeBrowserTest.signIn(b, site, "writer@example.org");
                site.load(b, "/admin/two-step");
                assertThat(b.findElement(By.cssSelector("figure.qr svg")).getSize().getWidth()).isGreaterThan(100);
                String secret = b.findElement(By.id("two-step-secret")).getText();
                b.findElement(By.id("code")).sendKeys(code(site, secret));
                b.findElement(By.cssSelector("form[action='/admin/two-step/enable'] button")).click();
                List<String> recovery = BackOfficeBrowserTest.waitFor(b, "#recovery-codes").findElements(By.tagName("code")).stream().map(e -> e.getText()).toList();
                assertThat(recovery).hasSize(10);
                Browser.screenshot(b, "two-step-codes");

                signOut(b);
                password(b, site, "writer@example.org");
                assertThat(b.getCurrentUrl()).contains("/admin/sign-in/code");
                site.clock.advance(Duration.ofSeconds(30));
                b.findElement(By.id("code")).sendKeys(code(site, secret));
                b.findElement(By.cssSelector("form button[type=submit]")).click();
                BackOfficeBrowserTest.waitFor(b, ".signout");

                signOut(b);
                password(b, site, "writer@example.org");
                b.findElement(By.id("code")).sendKeys(recovery.get(3));
                b.findElement(By.cssSelector("form button[type=submit]")).click();
                BackOfficeBrowserTest.waitFor(b, ".signout");

                signOut(b);
                password(b, site, "writer@example.org");
                b.findElement(By.id("code")).sendKeys(recovery.get(3));
                b.findElement(By.cssSelector("form button[type=submit]")).click();
                assertThat(BackOfficeBrowserTest.waitFor(b, ".error").getText()).contains("الرمز غير صحيح أو استُعمل من قبل");

                // Another session of the writer's (a phone), ended from the browser.
                site.clock.advance(Duration.ofSeconds(30));
                b.findElement(By.id("code")).clear();
                b.findElement(By.id("code")).sendKeys(code(site, secret));
                b.findElement(By.cssSelector("form button[type=submit]")).click();
                BackOfficeBrowserTest.waitFor(b, ".signout");
                Agent phone = new Agent(site);
                phone.signIn("writer@example.org", BackOfficeBrowserTest.PASSWORD);
                phone.get("/admin/sign-in/code");
                site.clock.advance(Duration.ofSeconds(30));
                phone.post("/admin/sign-in/code", "code", code(site, secret));
                assertThat(phone.get("/admin").statusCode()).isEqualTo(200);
                site.load(b, "/admin/sessions");
                assertThat(b.findElements(By.cssSelector("tbody tr"))).hasSize(2);
                b.findElement(By.cssSelector("tbody form button")).click();
                BackOfficeBrowserTest.waitFor(b, ".notice");
                assertThat(b.findElements(By.cssSelector("tbody tr"))).hasSize(1);
                assertThat(phone.get("/admin").statusCode()).isEqualTo(302);
            } finally {
                b.quit();
            }
        }
    }
}
