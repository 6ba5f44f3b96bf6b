package dev.backstop.helpdesk.tickets;

import java.util.List;

/**
 * A port the {@code hr} module implements: the employees whose HR tickets a family member may follow and answer now,
 * because the employee delegated that to them. Asked on every request (never cached), so ending or expiry of the
 * delegation takes effect at once. Without an implementation a family member sees only their own tickets.
 */
public interface FollowedEmployees {

    List<Long> followedBy(long familyMemberId);
}
