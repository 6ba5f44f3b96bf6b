package dev.backstop.helpdesk.identity.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Slows down and then locks repeated failed logins, for form login and HTTP Basic alike (Spring Security
 * has no built-in throttling). Per account the count is in the database, so a lock holds on every node;
 * per remote address an in-memory count slows down password spraying across many accounts.
 */
@Component
class LoginThrottle {

    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);
    private static final Duration ADDRESS_WINDOW = Duration.ofMinutes(15);

    private final Users users;
    private final LoginSettings settings;
    private final Clock clock;
    private final Map<String, AddressFailures> byAddress = new ConcurrentHashMap<>();

    LoginThrottle(Users users, LoginSettings settings, Clock clock) {
        this.users = users;
        this.settings = settings;
        this.clock = clock;
    }

    @EventListener
    void onFailure(AuthenticationFailureBadCredentialsEvent event) {
        Authentication attempt = event.getAuthentication();
        String username = String.valueOf(attempt.getPrincipal());
        String address = remoteAddress(attempt);
        Instant now = clock.instant();
        int accountFailures = users.recordFailure(username);
        if (accountFailures >= settings.maxFailures()) {
            Instant until = now.plus(settings.lockDuration());
            users.lock(username, until);
            log.warn(
                    "Locked account '{}' until {} after {} failed logins (last from {})",
                    username,
                    until,
                    accountFailures,
                    address);
        }
        int addressFailures = byAddress
                .compute(
                        address,
                        (key, previous) -> previous == null
                                        || previous.since().plus(ADDRESS_WINDOW).isBefore(now)
                                ? new AddressFailures(1, now)
                                : new AddressFailures(previous.count() + 1, previous.since()))
                .count();
        pause(Math.max(accountFailures, addressFailures));
    }

    @EventListener
    void onSuccess(AuthenticationSuccessEvent event) {
        users.recordSuccess(event.getAuthentication().getName(), clock.instant());
    }

    private void pause(int failures) {
        long millis = Math.min(
                settings.delayPerFailure().toMillis() * failures,
                settings.maxDelay().toMillis());
        if (millis <= 0) {
            return;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String address(Object details) {
        return details instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : "unknown";
    }

    private static String remoteAddress(Authentication attempt) {
        return address(attempt.getDetails());
    }

    private record AddressFailures(int count, Instant since) {}
}
