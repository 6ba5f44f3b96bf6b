package dev.backstop.helpdesk.tickets;

/**
 * List filters; every field is optional (null = any). The caller's visibility scope is always applied
 * on top, in the query.
 *
 * @param assigneeId filter by assignee; use {@code mine = true} for "assigned to me"
 * @param requester  matches requester name or phone (substring, case-insensitive)
 * @param text       matches key, subject or description (substring, case-insensitive)
 * @param activeOnly only tickets that still need action (not resolved or closed)
 * @param sla        only tickets {@link SlaStatus#AT_RISK} or {@link SlaStatus#BREACHED} now (other values: any)
 */
public record TicketFilter(
        Desk desk,
        TicketState state,
        Long assigneeId,
        boolean mine,
        Priority priority,
        String requester,
        String text,
        boolean activeOnly,
        SlaStatus sla,
        int page,
        int size) {

    /** The last page anyone pages to (25 a page: 250,000 tickets); beyond it a 400, not an overflowing offset. */
    public static final int MAX_PAGE = 10_000;

    public TicketFilter {
        page = Math.max(page, 0);
        if (page > MAX_PAGE) {
            throw new InvalidTicketInput("tickets.error.page", page, MAX_PAGE);
        }
        size = size <= 0 ? 25 : Math.min(size, 200);
    }

    public TicketFilter(
            Desk desk,
            TicketState state,
            Long assigneeId,
            boolean mine,
            Priority priority,
            String requester,
            String text,
            boolean activeOnly,
            int page,
            int size) {
        this(desk, state, assigneeId, mine, priority, requester, text, activeOnly, null, page, size);
    }

    public static TicketFilter all() {
        return new TicketFilter(null, null, null, false, null, null, null, false, null, 0, 25);
    }
}
