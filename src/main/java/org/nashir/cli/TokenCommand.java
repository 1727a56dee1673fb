package org.nashir.cli;

import org.nashir.Nashir;
import org.nashir.account.Account;
import org.nashir.account.Role;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/** API tokens from the command line, so scripts can publish without anyone opening the back office. */
@Command(name = "token", description = "مفاتيح الواجهة البرمجية", subcommands = TokenCommand.Create.class)
public final class TokenCommand {

    /** {@code token create --email E --name LABEL}: a token for an existing account, printed once on stdout. */
    @Command(name = "create", description = "أنشئ مفتاحاً لحساب موجود (يُطبع مرة واحدة)")
    static final class Create implements Callable<Integer> {
        @Mixin
        SiteOptions site;

        @Option(names = "--email", required = true, description = "بريد الحساب الذي يعمل المفتاح باسمه")
        String email;

        @Option(names = "--name", required = true, description = "اسم يميّز المفتاح، مثل: سكربت الطقس")
        String name;

        @Override
        public Integer call() {
            String label = name.strip();
            if (label.isEmpty() || label.length() > 80) {
                System.err.println("اسم المفتاح مطلوب، حتى 80 حرفاً.");
                return 2;
            }
            try (Nashir nashir = new Nashir(site.settings(Map.of()), Clock.systemUTC())) {
                Optional<Account> account = nashir.accounts.findByEmail(email.strip());
                if (account.isEmpty()) {
                    System.err.println("لا حساب بالبريد " + email + "؛ أنشئه أولاً بالأمر user add.");
                    return 1;
                }
                Account a = account.get();
                if (a.disabled() || a.role() == Role.MODERATOR) {
                    System.err.println("الحساب " + email + (a.disabled() ? " معطّل" : " مشرف تعليقات لا يكتب المقالات") + "، فلا مفتاح له.");
                    return 1;
                }
                String token = nashir.tokens.create(a.id(), label);
                nashir.audit.record(null, "token.created", "account:" + a.id(), label + " (cli)");
                System.err.println("أُنشئ المفتاح «" + label + "» للحساب " + email + " (" + a.role().arabic() + "). احفظه الآن: لا يُعرض مرة أخرى.");
                System.out.println(token);
                return 0;
            }
        }
    }
}
