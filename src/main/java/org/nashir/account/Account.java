package org.nashir.account;

import java.time.Instant;

/** A person with a back-office account. */
public record Account(long id, String email, String name, Role role, boolean disabled, Instant createdAt) {
    /** The id of whoever acted, or null for the system itself (the scheduler, an import, the demo). */
    public static Long idOf(Account by) {
        return by == null ? null : by.id();
    }

}
