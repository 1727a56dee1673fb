package org.nashir.cli;

import org.nashir.Nashir;
import org.nashir.demo.DemoContent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

@Command(name = "serve", description = "شغّل الموقع")
public final class ServeCommand implements Callable<Integer> {
    @Mixin
    SiteOptions site;

    @Option(names = "--port", paramLabel = "N", description = "منفذ HTTP (NASHIR_PORT، الافتراضي 8080)")
    Integer port;

    @Option(names = "--demo", description = "أضف محتوى تجريبياً إن كان الموقع فارغاً")
    boolean demo;

    @Override
    public Integer call() throws InterruptedException {
        Map<String, String> flags = new HashMap<>();
        if (port != null) flags.put("NASHIR_PORT", port.toString());
        Nashir nashir = new Nashir(site.settings(flags), Clock.systemUTC());
        if (demo) {
            int added = DemoContent.loadIfEmpty(nashir);
            if (added > 0) System.out.println("أُضيف " + added + " مقالاً تجريبياً.");
            DemoContent.demoAdmin(nashir).ifPresent(password -> System.out.println(
                "لوحة التحرير: http://localhost:" + nashir.settings.port() + "/admin  البريد: " + DemoContent.ADMIN_EMAIL + "  كلمة المرور: " + password));
        }
        int bound = nashir.start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            nashir.drain(java.time.Duration.ofSeconds(nashir.settings.drainSeconds()));
            stopped.countDown();
        }, "shutdown"));
        System.out.println("ناشر يعمل على http://localhost:" + bound + "/  (البيانات في " + nashir.settings.dataDir().toAbsolutePath() + ")");
        stopped.await();
        return 0;
    }
}
