package org.nashir.browser;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nashir.comment.Comment;
import org.nashir.testing.Browser;
import org.nashir.testing.TestSite;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 5 in Chromium: a reader comments, a moderator approves, the comment and count appear; JavaScript off too. */
class CommentBrowserTest {
    @Test
    void a_reader_comments_and_after_approval_sees_it_with_the_count(@TempDir Path dir) {
        try (TestSite site = TestSite.create(dir).start()) {
            long article = site.publish("سياسة", "خبر للتعليق", site.clock.instant().minus(Duration.ofHours(1)), "نص الخبر.");
            ChromeDriver b = Browser.open(true, 412, 1400);
            try {
                site.load(b, "/article/" + article);
                // The page fetched its token from /comments/token; wait for it, then let "time" pass as a person types.
                new WebDriverWait(b, Duration.ofSeconds(10)).until(d -> !d.findElement(By.name("token")).getAttribute("value").isEmpty());
                assertThat(b.findElement(By.cssSelector("#comment-form h3")).getText()).isEqualTo("اكتب تعليق");
                assertThat(b.findElement(By.cssSelector("#comment-form .meta")).getText()).isEqualTo("كل الحقول التي عليها علامة (*) مطلوبة");
                b.findElement(By.id("c-name")).sendKeys("سلمى");
                b.findElement(By.id("c-email")).sendKeys("salma@example.org");
                b.findElement(By.id("c-body")).sendKeys("تغطية ممتازة، شكراً لكم.");
                site.clock.advance(Duration.ofSeconds(30));
                b.findElement(By.cssSelector("#comment-form button[type=submit]")).click();
                assertThat(BackOfficeBrowserTest.waitFor(b, "#comments [role=status]").getText()).contains("بانتظار المراجعة");

                List<Long> pending = site.nashir.comments.listQueue(Comment.PENDING, "", 10).stream().map(q -> q.comment().id()).toList();
                assertThat(pending).hasSize(1);
                site.nashir.comments.setStatus(pending, Comment.APPROVED);
                site.load(b, "/article/" + article);
                assertThat(b.findElement(By.cssSelector(".comment-list .comment-body")).getText()).isEqualTo("تغطية ممتازة، شكراً لكم.");
                assertThat(b.findElement(By.id("comments-heading")).getText()).contains("تعليق واحد");
                Browser.screenshot(b, "article-with-comment");
            } finally {
                b.quit();
            }
        }
    }

    @Test
    void without_javascript_missing_fields_are_named_in_arabic(@TempDir Path dir) {
        try (TestSite site = TestSite.create(dir).start()) {
            long article = site.publish("سياسة", "خبر", site.clock.instant().minus(Duration.ofHours(1)), "نص.");
            ChromeDriver b = Browser.open(false, 1280, 1200);
            try {
                site.load(b, "/article/" + article);
                b.findElement(By.id("c-body")).sendKeys("تعليق بلا اسم");
                // The browser's own "required" check would stop the form; a reader's old browser would not.
                b.executeScript("document.getElementById('comment-form').noValidate = true;"
                    + "document.querySelectorAll('#comment-form [required]').forEach(e => e.removeAttribute('required'));");
                b.findElement(By.cssSelector("#comment-form button[type=submit]")).click();
                BackOfficeBrowserTest.waitFor(b, ".field-error");
                assertThat(b.findElements(By.cssSelector(".field-error")).stream().map(e -> e.getText()).toList())
                    .containsExactly("اكتب اسمك.", "اكتب بريدك الإلكتروني.");
                assertThat(b.findElement(By.id("c-body")).getAttribute("value")).isEqualTo("تعليق بلا اسم");
            } finally {
                b.quit();
            }
        }
    }
}
