package dev.backstop.helpdesk.identity.internal;

import java.time.Clock;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

@Service
class BackstopUserDetailsService implements UserDetailsService {

    private final Users users;
    private final Clock clock;

    BackstopUserDetailsService(Users users, Clock clock) {
        this.users = users;
        this.clock = clock;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        UserAccount account = users.byUsername(username).orElseThrow(() -> new UsernameNotFoundException(username));
        return new BackstopPrincipal(
                account.toCurrentUser(), account.passwordHash(), account.enabled(), account.lockedAt(clock.instant()));
    }
}
