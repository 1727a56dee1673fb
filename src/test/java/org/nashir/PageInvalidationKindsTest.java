package org.nashir;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;
import org.nashir.storage.ChangeFeed;
import org.nashir.storage.ChangeKind;
import org.nashir.testing.TestSite;
import org.nashir.web.PageCache;
import org.nashir.web.Purge;
import org.nashir.web.Shows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every change kind, including ones added later, drops the cached pages that show what it is about: a page showing
 * the changed article, pin, page, ticker or menu is rendered again; what is renamed or unknown drops everything.
 */
class PageInvalidationKindsTest {
    @TempDir
    static Path dir;
    static TestSite site;
    static long article;

    @BeforeAll
    static void start() {
        site = TestSite.create(dir);
        article = site.publish("سياسة", "خبر", site.clock.instant());
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    /** The tag of a page that shows what a change of this kind is about. */
    static String shownBy(ChangeKind kind, long id) {
        return switch (kind.entity()) {
            case ARTICLE -> Shows.article(id);
            case DESK -> kind == ChangeKind.DESK_PINS ? Shows.pins(id) : Shows.TICKER;
            case PAGE -> kind == ChangeKind.MENU_CHANGED ? Shows.NAV : Shows.page(id);
            // A renamed section, tag or byline is named on pages that record nothing about it (navigation, teasers).
            case SECTION, TAG, AUTHOR, UNKNOWN -> "something else entirely";
        };
    }

    static String render(PageCache cache, String key, String tag, String text) {
        return new String(cache.get(key, () -> {
            Shows.record(tag);
            return text.getBytes(StandardCharsets.UTF_8);
        }).plain(), StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @EnumSource(ChangeKind.class)
    void a_page_that_shows_what_changed_is_rendered_again(ChangeKind kind) {
        PageCache cache = new PageCache(60);
        String tag = shownBy(kind, article);
        render(cache, "/shows-it", tag, "before");
        render(cache, "/shows-another-article", Shows.article(article + 1000), "before");
        new PageInvalidation(cache, site.nashir.articles, new Purge("", "")).apply(new ChangeFeed.Change(1, kind, article));
        assertThat(render(cache, "/shows-it", tag, "after")).isEqualTo("after");
        boolean everything = switch (kind.entity()) {
            case SECTION, TAG, AUTHOR, UNKNOWN -> true;
            default -> false;
        };
        // Another article's page stays unless everything went (lists are other tags, not shown by that page).
        assertThat(render(cache, "/shows-another-article", Shows.article(article + 1000), "after")).isEqualTo(everything ? "after" : "before");
    }
}
