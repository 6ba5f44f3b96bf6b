package dev.backstop.helpdesk.tickets.internal;

import dev.backstop.helpdesk.identity.CurrentUser;
import dev.backstop.helpdesk.identity.Role;
import dev.backstop.helpdesk.tickets.FollowedEmployees;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** The employees a signed-in family member follows, for {@link TicketScope}; nobody for everyone else. */
@Component
class Followers {

    private final ObjectProvider<FollowedEmployees> followed;

    Followers(ObjectProvider<FollowedEmployees> followed) {
        this.followed = followed;
    }

    List<Long> of(CurrentUser user) {
        if (!user.has(Role.FAMILY) || user.familyMemberId() == null) {
            return List.of();
        }
        FollowedEmployees port = followed.getIfAvailable();
        return port == null ? List.of() : List.copyOf(port.followedBy(user.familyMemberId()));
    }
}
