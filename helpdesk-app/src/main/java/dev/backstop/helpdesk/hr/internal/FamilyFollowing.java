package dev.backstop.helpdesk.hr.internal;

import dev.backstop.helpdesk.hr.DelegationScope;
import dev.backstop.helpdesk.tickets.FollowedEmployees;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * A family member follows and answers the HR tickets of the employees whose delegation grants
 * {@link DelegationScope#TICKETS} right now (asked on every request: ending or expiry takes effect at once).
 */
@Component
class FamilyFollowing implements FollowedEmployees {

    private final Delegations delegations;
    private final Clock clock;

    FamilyFollowing(Delegations delegations, Clock clock) {
        this.delegations = delegations;
        this.clock = clock;
    }

    @Override
    public List<Long> followedBy(long familyMemberId) {
        return delegations.employeesGranting(familyMemberId, DelegationScope.TICKETS, clock.instant());
    }
}
