package org.nashir.account;

import io.javalin.http.Context;
import org.nashir.web.Messages;
import org.nashir.web.Site;

import org.nashir.arabic.ArabicFormat;

/** What the back-office layout needs: who is signed in, the page's CSRF token, and the words. */
public record AdminFrame(String siteName, String title, Account account, String csrf, String active, Messages t, ArabicFormat fmt, String notice,
                         String assetVersion, String importMap, int mediaMaxMegabytes) {
    /** The back-office frame for this request; {@code ?done=KEY} shows the message {@code notice.KEY} once. */
    public static AdminFrame of(Site site, Context ctx, String title, String active) {
        Messages messages = site.messages();
        String done = ctx.queryParam("done");
        String notice = done != null && done.matches("[a-z-]{1,30}") && messages.has("notice." + done) ? messages.get("notice." + done) : null;
        return new AdminFrame(site.settings().siteName(), title, Guard.session(ctx).map(AccountStore.Session::account).orElse(null), Guard.csrf(ctx),
            active, messages, site.fmt(), notice, site.assetVersion(), site.importMap(),
            site.settings().mediaMaxMegabytes());
    }

    public boolean is(Role... roles) {
        if (account == null) return false;
        for (Role r : roles) if (account.role() == r) return true;
        return false;
    }

    public boolean newsroom() {
        return is(Role.ADMIN, Role.EDITOR, Role.WRITER);
    }

    public boolean editor() {
        return is(Role.ADMIN, Role.EDITOR);
    }
}
