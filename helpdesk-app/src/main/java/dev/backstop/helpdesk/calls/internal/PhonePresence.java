package dev.backstop.helpdesk.calls.internal;

import dev.backstop.helpdesk.calls.CallState;
import dev.backstop.helpdesk.calls.CallStateChanged;
import dev.backstop.helpdesk.identity.AgentProfiles;
import dev.backstop.helpdesk.identity.Presence;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Presence follows the phone, from {@link CallStateChanged}: ON_CALL while the agent has an answered call, then
 * AFTER_CALL_WORK from the hang-up for {@code backstop.calls.after-call-work} (default 30 s), then AVAILABLE. All in the
 * database ({@code agent_profiles}): the listener runs in the event's transaction, and the sweep back to AVAILABLE is
 * one conditional update any node may run, so several nodes need no lock. What the agent chose meanwhile (AWAY,
 * OFFLINE …) is never overwritten by the end of a call.
 */
@Component
class PhonePresence {

    /** Any presence but on call: an agent already on call stays so (since the first answer; no write, no row lock). */
    private static final EnumSet<Presence> NOT_ON_CALL = EnumSet.complementOf(EnumSet.of(Presence.ON_CALL));

    private static final EnumSet<Presence> ON_CALL = EnumSet.of(Presence.ON_CALL);

    private final AgentProfiles agents;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Duration afterCallWork;

    PhonePresence(
            AgentProfiles agents,
            JdbcTemplate jdbc,
            Clock clock,
            @Value("${backstop.calls.after-call-work:30s}") Duration afterCallWork) {
        this.agents = agents;
        this.jdbc = jdbc;
        this.clock = clock;
        this.afterCallWork = afterCallWork;
    }

    @EventListener
    void on(CallStateChanged event) {
        if (event.previousAgent() != null && !Objects.equals(event.previousAgent(), event.agent())) {
            hungUp(event.previousAgent(), event);
        }
        if (event.agent() == null) {
            return;
        }
        if (event.state() == CallState.ANSWERED) {
            userId(event.agent())
                    .ifPresent(id -> agents.setPresenceIf(id, NOT_ON_CALL, Presence.ON_CALL, clock.instant()));
        } else if (event.state().isFinal()) {
            hungUp(event.agent(), event);
        }
    }

    /** After-call work from the hang-up, unless the agent still has another answered call. */
    private void hungUp(String username, CallStateChanged event) {
        userId(username).ifPresent(id -> {
            Integer others = jdbc.queryForObject(
                    "select count(*) from calls where agent_id = ? and state = 'ANSWERED' and call_id <> ?",
                    Integer.class,
                    id,
                    event.callId());
            if (others == null || others == 0) {
                if (event.at().plus(afterCallWork).isAfter(clock.instant())) {
                    agents.setPresenceIf(id, ON_CALL, Presence.AFTER_CALL_WORK, event.at());
                } else { // a hang-up reported late: its after-call work is over already
                    agents.setPresenceIf(id, ON_CALL, Presence.AVAILABLE, clock.instant());
                }
            }
        });
    }

    /** After-call work that is over becomes AVAILABLE (every 2 s on every node; idempotent). */
    @Scheduled(initialDelayString = "2s", fixedDelayString = "${backstop.calls.after-call-work-sweep:2s}")
    void sweep() {
        agents.expire(Presence.AFTER_CALL_WORK, clock.instant().minus(afterCallWork), Presence.AVAILABLE);
    }

    private java.util.Optional<Long> userId(String username) {
        List<Long> ids = jdbc.queryForList("select id from app_users where username = ?", Long.class, username);
        return ids.stream().findFirst();
    }
}
