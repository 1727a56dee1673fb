package org.nashir.site;

import org.nashir.account.Account;
import org.nashir.account.Role;
import org.nashir.arabic.ArabicFormat;

/** What the back-office layout needs: who is signed in, the page's CSRF token, and the words. */
public record AdminFrame(String siteName, String title, Account account, String csrf, String active, Messages t, ArabicFormat fmt, String notice) {
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
