package dev.backstop.helpdesk.identity.internal;

import dev.backstop.helpdesk.identity.CurrentUser;
import dev.backstop.helpdesk.identity.Role;
import java.time.Instant;
import java.util.Set;

/** A row of app_users with its roles and bindings, as the identity module reads it. */
record UserAccount(
        long id,
        String username,
        String passwordHash,
        String displayName,
        boolean enabled,
        Set<Role> roles,
        Long distributorId,
        Long employeeId,
        Long familyMemberId,
        Long departmentId,
        int failedAttempts,
        Instant lockedUntil) {

    boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    CurrentUser toCurrentUser() {
        return new CurrentUser(
                id, username, displayName, roles, distributorId, employeeId, familyMemberId, departmentId);
    }
}
