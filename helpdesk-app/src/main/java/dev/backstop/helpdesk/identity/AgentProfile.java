package dev.backstop.helpdesk.identity;

import java.time.Instant;
import java.util.Set;

/**
 * What routing knows of an agent: presence, how many tickets they work at once, and their skills
 * (upper-case codes such as {@code ORDERS}, {@code PAYROLL}).
 */
public record AgentProfile(long userId, Presence presence, Instant presenceSince, int capacity, Set<String> skills) {

    public AgentProfile {
        skills = Set.copyOf(skills);
    }
}
