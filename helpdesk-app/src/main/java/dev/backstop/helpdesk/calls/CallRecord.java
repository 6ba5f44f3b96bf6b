package dev.backstop.helpdesk.calls;

import java.time.Instant;

/**
 * One call as the desk sees it ({@code GET /api/v1/calls/{callId}}).
 *
 * @param desk        the desk of the hotline called ({@code to}), null for a number that is no hotline
 * @param direction   {@code in} or {@code out}, as the PBX says
 * @param answeredBy  the agent's display name, null while nobody answered
 * @param waitSeconds from ringing until answered (or until the caller gave up)
 * @param talkSeconds from answered until hung up
 * @param cause       the PBX's hang-up cause ({@code normalClearing}, {@code cancel}, {@code busy} …)
 * @param recording   a reference or URL the PBX serves (we never store audio)
 * @param ticketKey   the ticket the call is on, null until an agent picked or created one
 * @param holds       how often the call was put on hold ({@code held} events)
 * @param holdSeconds how long it was on hold in all (an open hold counts until the hang-up)
 * @param onHold      on hold right now
 * @param transfers   how often it was transferred
 * @param transferredTo where the last transfer went (extension, login or number, as the PBX said)
 * @param agent       the login of the agent who has the call now (the last transfer's, else who answered)
 */
public record CallRecord(
        String callId,
        String desk,
        String direction,
        String from,
        String to,
        CallState state,
        Party party,
        String answeredBy,
        Long waitSeconds,
        Long talkSeconds,
        String cause,
        String recording,
        String ticketKey,
        Instant startedAt,
        Instant answeredAt,
        Instant endedAt,
        int holds,
        long holdSeconds,
        boolean onHold,
        int transfers,
        String transferredTo,
        String agent) {

    /**
     * Who is calling, by the calling number.
     *
     * @param kind DISTRIBUTOR_CONTACT, EMPLOYEE, FAMILY_MEMBER, FRONTLINE or UNKNOWN
     */
    public record Party(String kind, String name, String distributorCode, String employeeNo) {}
}
