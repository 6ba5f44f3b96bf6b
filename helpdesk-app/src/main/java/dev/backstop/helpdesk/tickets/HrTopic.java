package dev.backstop.helpdesk.tickets;

import java.util.List;

/**
 * What an HR ticket is about. The topic decides the ticket's queue (through {@link #skill()}: payroll topics go to
 * payroll staff, social insurance and housing fund to the benefits queue, the rest to the HR desk's general queue),
 * its SLA policy (a row of {@code sla_policies} naming the topic), the call scripts and reply templates offered
 * (templates naming the topic) and, for {@link #HARDSHIP}, that it is answered first in the HR queue ({@code routing}).
 * Names a person reads are {@code tickets.topic.<CODE>} in the messages.
 */
public enum HrTopic {
    PAYROLL_QUESTION("PAYROLL"),
    PAYROLL_DISPUTE("PAYROLL"),
    SOCIAL_INSURANCE("BENEFITS"),
    HOUSING_FUND("BENEFITS"),
    LEAVE(null),
    POLICY(null),
    HARDSHIP(null),
    FEEDBACK(null),
    OTHER(null);

    /** The topics a family member may choose: policy questions and hardship requests, never pay. */
    public static final List<HrTopic> FOR_FAMILY = List.of(HARDSHIP, POLICY, FEEDBACK, OTHER);

    private final String skill;

    HrTopic(String skill) {
        this.skill = skill;
    }

    /** The skill (queue, {@code ticket_queues.skill}) a ticket of this topic needs; null: the HR general queue. */
    public String skill() {
        return skill;
    }

    /** The topic an HR ticket gets when none was chosen: hardship and feedback keep their meaning, the rest is other. */
    public static HrTopic of(TicketType type) {
        return switch (type) {
            case HARDSHIP -> HARDSHIP;
            case FEEDBACK -> FEEDBACK;
            default -> OTHER;
        };
    }
}
