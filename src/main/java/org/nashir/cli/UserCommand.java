package org.nashir.cli;

import org.nashir.Nashir;
import org.nashir.account.Passwords;
import org.nashir.account.Role;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "user", description = "إدارة حسابات لوحة التحرير", subcommands = UserCommand.Add.class)
public final class UserCommand {

    /** {@code user add --email E --name N --role R [--password-stdin]}: the password is read from stdin or generated and printed once. */
    @Command(name = "add", description = "أنشئ حساباً")
    static final class Add implements Callable<Integer> {
        @Mixin
        SiteOptions site;

        @Option(names = "--email", required = true, description = "البريد الإلكتروني")
        String email;

        @Option(names = "--name", required = true, description = "الاسم كما يظهر في لوحة التحرير")
        String name;

        @Option(names = "--role", required = true, description = "admin أو editor أو writer أو moderator")
        String role;

        @Option(names = "--password-stdin", description = "اقرأ كلمة المرور من الدخل القياسي بدل توليدها")
        boolean passwordStdin;

        @Override
        public Integer call() throws IOException {
            Role r;
            try {
                r = Role.valueOf(role.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                System.err.println("دور غير معروف: " + role + " (المتاح: admin، editor، writer، moderator)");
                return 2;
            }
            String password;
            if (passwordStdin) {
                String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
                password = line == null ? "" : line;
            } else {
                password = Passwords.generate();
            }
            try (Nashir nashir = new Nashir(site.settings(Map.of()), Clock.systemUTC())) {
                long id = nashir.accounts.create(email, name, r, password);
                nashir.audit.record(null, "account.created", "account:" + id, email + " " + r.db() + " (cli)");
            } catch (IllegalArgumentException e) {
                System.err.println("لم يُنشأ الحساب: " + e.getMessage());
                return 1;
            }
            System.out.println("أُنشئ الحساب " + email + " (" + r.arabic() + ").");
            if (!passwordStdin) System.out.println("كلمة المرور (تُعرض مرة واحدة فقط): " + password);
            return 0;
        }
    }
}
