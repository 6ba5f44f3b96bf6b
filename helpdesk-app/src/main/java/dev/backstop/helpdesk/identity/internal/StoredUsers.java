package dev.backstop.helpdesk.identity.internal;

import dev.backstop.helpdesk.identity.CurrentUser;
import dev.backstop.helpdesk.identity.UserDirectory;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** {@link UserDirectory} over {@link Users}: one query, the same row mapping sign-in uses. */
@Component
class StoredUsers implements UserDirectory {

    private final Users users;

    StoredUsers(Users users) {
        this.users = users;
    }

    @Override
    public Optional<CurrentUser> byId(long userId) {
        return users.byId(userId).map(UserAccount::toCurrentUser);
    }
}
