package org.nashir.account;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nashir.article.ArticleForm;
import org.nashir.testing.Agent;
import org.nashir.web.Route;
import org.nashir.testing.TestSite;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 3: every back-office route × every role gives the expected allow/deny, and every state-changing route
 * refuses a missing or foreign CSRF token. The expected table is written out here, apart from the server's:
 * a route added without an entry below fails {@link #every_route_has_an_expected_rule}.
 */
class AdminAccessTest {
    static final Set<Role> ALL = EnumSet.allOf(Role.class);
    static final Set<Role> NEWSROOM = EnumSet.of(Role.ADMIN, Role.EDITOR, Role.WRITER);
    static final Set<Role> EDITORS = EnumSet.of(Role.ADMIN, Role.EDITOR);
    static final Set<Role> ADMINS = EnumSet.of(Role.ADMIN);
    static final Set<Role> MODERATORS = EnumSet.of(Role.ADMIN, Role.EDITOR, Role.MODERATOR);

    static final Map<String, Set<Role>> EXPECTED = Map.ofEntries(
        Map.entry("GET /admin", ALL),
        Map.entry("GET /admin/articles", NEWSROOM),
        Map.entry("GET /admin/articles/new", NEWSROOM),
        Map.entry("POST /admin/articles", NEWSROOM),
        Map.entry("POST /admin/articles/preview", NEWSROOM),
        Map.entry("GET /admin/articles/{id}", NEWSROOM),
        Map.entry("POST /admin/articles/{id}", NEWSROOM),
        Map.entry("POST /admin/articles/{id}/delete", EDITORS),
        Map.entry("GET /admin/articles/{id}/revisions", NEWSROOM),
        Map.entry("GET /admin/articles/{id}/revisions/{version}", NEWSROOM),
        Map.entry("POST /admin/articles/{id}/revisions/{version}/restore", NEWSROOM),
        Map.entry("GET /admin/sections", EDITORS),
        Map.entry("POST /admin/sections", EDITORS),
        Map.entry("POST /admin/sections/{id}", EDITORS),
        Map.entry("POST /admin/sections/{id}/move", EDITORS),
        Map.entry("GET /admin/tags", EDITORS),
        Map.entry("POST /admin/tags/merge", EDITORS),
        Map.entry("POST /admin/tags/{id}", EDITORS),
        Map.entry("GET /admin/searches", EDITORS),
        Map.entry("GET /admin/names", EDITORS),
        Map.entry("POST /admin/names", EDITORS),
        Map.entry("POST /admin/names/{id}", EDITORS),
        Map.entry("POST /admin/names/{id}/delete", EDITORS),
        Map.entry("GET /admin/bylines", EDITORS),
        Map.entry("POST /admin/bylines/{id}", EDITORS),
        Map.entry("GET /admin/media", EDITORS),
        Map.entry("POST /admin/media", EDITORS),
        Map.entry("POST /admin/media/{id}", EDITORS),
        Map.entry("GET /admin/comments", MODERATORS),
        Map.entry("POST /admin/comments/bulk", MODERATORS),
        Map.entry("POST /admin/comments/{id}/edit", MODERATORS),
        Map.entry("POST /admin/comments/{id}/ban", MODERATORS),
        Map.entry("POST /admin/articles/{id}/comments", EDITORS),
        Map.entry("GET /admin/accounts", ADMINS),
        Map.entry("POST /admin/accounts", ADMINS),
        Map.entry("POST /admin/accounts/{id}/role", ADMINS),
        Map.entry("POST /admin/accounts/{id}/disable", ADMINS),
        Map.entry("POST /admin/accounts/{id}/enable", ADMINS),
        Map.entry("POST /admin/accounts/{id}/delete", ADMINS),
        Map.entry("POST /admin/accounts/{id}/password", ADMINS),
        Map.entry("GET /admin/password", ALL),
        Map.entry("POST /admin/password", ALL),
        Map.entry("GET /admin/sessions", ALL),
        Map.entry("POST /admin/sessions/end", ALL),
        Map.entry("GET /admin/two-step", ALL),
        Map.entry("POST /admin/two-step/enable", ALL),
        Map.entry("POST /admin/two-step/disable", ALL),
        Map.entry("POST /admin/two-step/roles", ADMINS),
        Map.entry("GET /admin/audit", ADMINS),
        Map.entry("GET /admin/tokens", NEWSROOM),
        Map.entry("POST /admin/tokens", NEWSROOM),
        Map.entry("POST /admin/tokens/{id}/revoke", NEWSROOM),
        Map.entry("POST /admin/articles/{id}/corrections", EDITORS),
        Map.entry("POST /admin/articles/{id}/previews", EDITORS),
        Map.entry("GET /admin/articles/{id}/live", NEWSROOM),
        Map.entry("POST /admin/articles/{id}/live/start", EDITORS),
        Map.entry("POST /admin/articles/{id}/live/end", EDITORS),
        Map.entry("POST /admin/articles/{id}/live/entries", NEWSROOM),
        Map.entry("POST /admin/articles/{id}/live/entries/{entry}", NEWSROOM),
        Map.entry("POST /admin/articles/{id}/previews/{link}/revoke", EDITORS),
        Map.entry("GET /admin/desk", EDITORS),
        Map.entry("GET /admin/pages", EDITORS),
        Map.entry("GET /admin/pages/new", EDITORS),
        Map.entry("POST /admin/pages", EDITORS),
        Map.entry("GET /admin/pages/{id}", EDITORS),
        Map.entry("POST /admin/pages/{id}", EDITORS),
        Map.entry("GET /admin/menus", EDITORS),
        Map.entry("POST /admin/menus", EDITORS),
        Map.entry("POST /admin/menus/{id}", EDITORS),
        Map.entry("POST /admin/desk/pins", EDITORS),
        Map.entry("POST /admin/desk/pins/move", EDITORS),
        Map.entry("POST /admin/desk/pins/remove", EDITORS),
        Map.entry("POST /admin/desk/ticker", EDITORS),
        Map.entry("POST /admin/desk/ticker/{id}/end", EDITORS));

    @TempDir
    static Path dir;
    static TestSite site;
    static final Map<Role, Agent> agents = new EnumMap<>(Role.class);
    static final String PASSWORD = "كلمة-سر-طويلة-1";

    @BeforeAll
    static void start() {
        site = TestSite.create(dir).start();
        site.nashir.sections.create("سياسة");
        for (Role role : Role.values()) {
            site.nashir.accounts.create(role.db() + "@example.org", "حساب " + role.arabic(), role, PASSWORD);
            Agent agent = new Agent(site);
            assertThat(agent.signIn(role.db() + "@example.org", PASSWORD).statusCode()).isEqualTo(303);
            agent.get("/admin");
            agents.put(role, agent);
        }
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    /** The back office's lines of the route table: every route whose access is a set of staff roles. */
    static List<Route> adminRoutes() {
        return site.nashir.routes().withAccess(StaffOnly.class);
    }

    @Test
    void every_route_has_an_expected_rule() {
        List<String> actual = adminRoutes().stream().map(r -> r.method() + " " + r.path()).toList();
        assertThat(actual).containsExactlyInAnyOrderElementsOf(EXPECTED.keySet());
        for (Route r : adminRoutes()) {
            assertThat(((StaffOnly) r.access()).roles()).as(r.method() + " " + r.path()).isEqualTo(EXPECTED.get(r.method() + " " + r.path()));
        }
    }

    @Test
    void every_route_allows_exactly_its_roles_and_sends_anonymous_readers_to_sign_in() {
        List<String> failures = new ArrayList<>();
        for (Route r : adminRoutes()) {
            String path = concrete(r.path());
            if (r.method().equals("GET")) {
                HttpResponse<String> anonymous = new Agent(site).get(path);
                if (!(anonymous.statusCode() == 302 && anonymous.headers().firstValue("Location").orElse("").startsWith("/admin/sign-in"))) {
                    failures.add("anonymous GET " + path + " → " + anonymous.statusCode());
                }
            } else {
                Agent anonymous = new Agent(site);
                anonymous.get("/admin/sign-in");
                int status = anonymous.post(path, formFor(path)).statusCode();
                if (status != 403) failures.add("anonymous POST " + path + " → " + status);
            }
            for (Role role : Role.values()) {
                Agent agent = agents.get(role);
                HttpResponse<String> res = r.method().equals("GET") ? agent.get(path) : agent.post(path, formFor(path));
                boolean allowed = EXPECTED.get(r.method() + " " + r.path()).contains(role);
                boolean denied = res.statusCode() == 403;
                if (allowed == denied || res.statusCode() >= 500) failures.add(role + " " + r.method() + " " + path + " → " + res.statusCode());
                if (denied && !res.body().contains("ليست لديك صلاحية")) failures.add(role + " " + path + ": 403 without the Arabic message");
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void every_state_changing_route_rejects_a_missing_or_foreign_csrf_token() {
        Agent admin = agents.get(Role.ADMIN);
        admin.get("/admin");
        String foreign = agents.get(Role.EDITOR).csrf;
        List<String> posts = new ArrayList<>(List.of("/admin/sign-in", "/admin/sign-out"));
        adminRoutes().stream().filter(r -> r.method().equals("POST")).forEach(r -> posts.add(concrete(r.path())));
        for (String path : posts) {
            String[] form = formFor(path);
            HttpResponse<String> missing = admin.postRaw(path, form);
            assertThat(missing.statusCode()).as("no token: " + path).isEqualTo(403);
            assertThat(missing.body()).as(path).contains("انتهت صلاحية النموذج");
            String[] withForeign = new String[form.length + 2];
            withForeign[0] = "_csrf";
            withForeign[1] = foreign;
            System.arraycopy(form, 0, withForeign, 2, form.length);
            assertThat(admin.postRaw(path, withForeign).statusCode()).as("foreign token: " + path).isEqualTo(403);
        }
        // Still signed in: the refused sign-out did not end the session.
        assertThat(admin.get("/admin").statusCode()).isEqualTo(200);
    }

    @Test
    void get_never_changes_state() {
        long before = count("audit") + count("article") + count("section") + count("tag") + count("revision");
        for (Route r : adminRoutes()) {
            if (r.method().equals("POST")) {
                // The same address asked for with GET either shows a page or is not found; it never acts.
                int status = agents.get(Role.ADMIN).get(r.path().replaceAll("\\{[a-z]+}", "1")).statusCode();
                assertThat(status).as("GET " + r.path()).isIn(200, 404, 405);
            }
        }
        assertThat(count("audit") + count("article") + count("section") + count("tag") + count("revision")).isEqualTo(before);
    }

    private static long count(String table) {
        return site.nashir.db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM " + table).mapTo(Long.class).one());
    }

    /** A fresh writer-owned draft for every substitution, so a delete in one case cannot hide a rule in the next. */
    private static String concrete(String path) {
        long section = site.nashir.sections.listAll().getFirst().id();
        Account writer = site.nashir.accounts.findByEmail("writer@example.org").orElseThrow();
        long article = site.nashir.editing.create(new ArticleForm("مسودة الكاتب", "", "", "<p>نص</p>", "كاتب", "", "", Long.toString(section),
            "وسم", "", "", "", "0", "save", "news").toCommand(site.nashir.settings.timeZone()), writer).id();
        long tag = site.nashir.articles.findTag("وسم").orElseThrow().id();
        long author = site.nashir.articles.findByline("كاتب").orElseThrow().id();
        // An account none of the agents signs in with: closing, deleting or resetting it must not end their sessions.
        long account = site.nashir.accounts.findByEmail("target@example.org")
            .map(Account::id).orElseGet(() -> site.nashir.accounts.create("target@example.org", "حساب للتجربة", Role.WRITER, PASSWORD));
        return path.replace("/articles/{id}", "/articles/" + article).replace("{version}", "1")
            .replace("/sections/{id}", "/sections/" + section).replace("/tags/{id}", "/tags/" + tag)
            .replace("/bylines/{id}", "/bylines/" + author).replace("/media/{id}", "/media/999999")
            .replace("/accounts/{id}", "/accounts/" + account).replace("/tokens/{id}", "/tokens/999999").replace("/ticker/{id}", "/ticker/999999").replace("{link}", "999999").replace("{entry}", "999999").replace("/pages/{id}", "/pages/999999").replace("/menus/{id}", "/menus/999999").replace("/names/{id}", "/names/999999").replace("/comments/{id}", "/comments/" + comment(article));
    }

    /** A held comment on a freshly published article, for the moderation routes. */
    private static long comment(long unused) {
        long article = site.publish("سياسة", "خبر للتعليق", site.clock.instant().minus(java.time.Duration.ofHours(1)));
        site.clock.advance(java.time.Duration.ofSeconds(5));
        String token = site.nashir.spam.token(article);
        site.clock.advance(java.time.Duration.ofSeconds(5));
        new Agent(site).postRaw("/article/" + article + "/comments", "name", "قارئ", "email", "r@example.org", "comment", "تعليق " + System.nanoTime(), "token", token);
        return site.nashir.comments.listQueue("pending", "", 1).getFirst().comment().id();
    }

    private static String[] formFor(String path) {
        if (path.endsWith("/bulk")) return new String[] {"action", "approve"};
        if (path.endsWith("/ban")) return new String[] {"kind", "ip"};
        if (path.endsWith("/edit")) return new String[] {"comment", "نص معدل"};
        if (path.endsWith("/role")) return new String[] {"role", "moderator"};
        if (path.equals("/admin/accounts")) return new String[] {"name", "x", "email", "bad", "role", "writer", "password", "short"};
        if (path.equals("/admin/sign-in")) return new String[] {"email", "nobody@example.org", "password", "x"};
        return new String[] {"title", "عنوان", "body", "<p>نص</p>", "section_id", "1", "version", "1", "action", "save", "name", "اسم"};
    }
}
