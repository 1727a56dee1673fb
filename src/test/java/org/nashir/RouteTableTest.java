package org.nashir;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nashir.account.ApiDoor;
import org.nashir.account.Role;
import org.nashir.account.StaffOnly;
import org.nashir.testing.TestSite;
import org.nashir.web.Access;
import org.nashir.web.Route;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 10: one route table. Every line has an access rule of a known kind, no address is declared twice, the
 * back office and the API sit behind their doors, and the README's address list is exactly the table.
 */
class RouteTableTest {
    private static final Pattern README_ROW = Pattern.compile("^\\| (GET|POST|PUT|DELETE|PATCH) \\| `([^`]+)` \\| (.+) \\|$", Pattern.MULTILINE);

    @TempDir
    static Path dir;
    static TestSite site;
    static RouteTable table;

    @BeforeAll
    static void start() {
        site = TestSite.create(dir).start();
        table = site.nashir.routes();
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    /** The README's words for a rule: "anyone", the roles by their codes, or the API token. */
    static String describe(Access access) {
        if (access == Access.ANYONE) return "anyone";
        if (access instanceof StaffOnly staff) {
            return Arrays.stream(Role.values()).filter(staff.roles()::contains).map(Role::db).collect(Collectors.joining(", "));
        }
        if (access instanceof ApiDoor.Token token) return token.required() ? "API token" : "anyone (a token also shows its drafts)";
        throw new AssertionError("an access rule of unknown kind: " + access);
    }

    @Test
    void no_address_is_declared_twice() {
        List<String> lines = table.routes().stream().map(Route::describe).toList();
        assertThat(new HashSet<>(lines)).hasSameSizeAs(lines);
    }

    @Test
    void the_back_office_is_staff_only_except_the_sign_in_pages_and_the_api_writes_need_a_token() {
        List<String> problems = new ArrayList<>();
        for (Route r : table.under("/admin")) {
            boolean signIn = r.path().equals("/admin/sign-in") || r.path().equals("/admin/sign-in/code") || r.path().equals("/admin/sign-out");
            if (signIn != (r.access() == Access.ANYONE)) problems.add(r.describe() + " → " + describe(r.access()));
            if (!signIn && !(r.access() instanceof StaffOnly)) problems.add(r.describe() + " is not staff only");
        }
        for (Route r : table.under("/api/")) {
            if (!r.method().equals("GET") && !(r.access() instanceof ApiDoor.Token t && t.required())) problems.add(r.describe() + " writes without a token");
        }
        for (Route r : table.routes()) {
            if (!r.path().startsWith("/admin") && r.access() instanceof StaffOnly) problems.add(r.describe() + " is a staff route outside /admin");
        }
        assertThat(problems).isEmpty();
        // The door itself runs before every back-office address.
        assertThat(table.routes().stream().filter(r -> r.method().equals(Route.BEFORE)).map(Route::path)).contains("/admin", "/admin/*");
    }

    @Test
    void the_readme_lists_exactly_the_addresses_of_the_table_with_their_rules() throws IOException {
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        Set<String> documented = new HashSet<>();
        Matcher m = README_ROW.matcher(readme);
        while (m.find()) documented.add(m.group(1) + " " + m.group(2) + " — " + m.group(3));
        Set<String> served = table.routes().stream().filter(r -> !r.method().equals(Route.BEFORE))
            .map(r -> r.describe() + " — " + describe(r.access())).collect(Collectors.toSet());
        assertThat(documented).containsExactlyInAnyOrderElementsOf(served);
    }

    @Test
    void every_address_of_the_table_answers_something_other_than_the_server_error() {
        List<String> failures = new ArrayList<>();
        for (Route r : table.routes()) {
            if (!r.method().equals("GET")) continue;
            String path = r.path().replace("{id}", "1").replace("{slug}", "x").replace("{year}", "2026").replace("{month}", "1")
                .replace("{day}", "1").replace("{key}", "x").replace("{file}", "x").replace("{page}", "1").replace("{version}", "1").replace("{token}", "x").replace("{parent}", "x")
                .replace("<path>", "x/..%2f..%2fsecret.key");
            int status = site.get(path).statusCode();
            if (status >= 500) failures.add("GET " + path + " → " + status);
        }
        assertThat(failures).isEmpty();
    }
}
