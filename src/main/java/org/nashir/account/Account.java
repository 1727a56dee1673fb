package org.nashir.account;

import java.time.Instant;

/** A person with a back-office account. */
public record Account(long id, String email, String name, Role role, boolean disabled, Instant createdAt) {
}
