package dev.backstop.helpdesk.tickets;

/**
 * Where a ticket goes: another desk, or a back-office department (logistics, finance, a branch's HR ...).
 * Exactly one of the two is set. Work forwarded to a department gets a deadline in business hours of the
 * office calendar ({@code deadlineHours}; when null the SLA module's back-office target, {@code backstop.sla.back-office-within}, 48 h).
 */
public record Transfer(Desk toDesk, Long toDepartmentId, String reason, Integer deadlineHours) {

    /** A transfer with the default back-office deadline (48 business hours). */
    public Transfer(Desk toDesk, Long toDepartmentId, String reason) {
        this(toDesk, toDepartmentId, reason, null);
    }

    public static Transfer toDesk(Desk desk, String reason) {
        return new Transfer(desk, null, reason);
    }

    public static Transfer toDepartment(long departmentId, String reason) {
        return new Transfer(null, departmentId, reason);
    }
}
