package dev.backstop.helpdesk.tickets;

/**
 * Where a ticket goes: another desk, or a back-office department (logistics, finance, a branch's HR ...).
 * Exactly one of the two is set.
 */
public record Transfer(Desk toDesk, Long toDepartmentId, String reason) {

    public static Transfer toDesk(Desk desk, String reason) {
        return new Transfer(desk, null, reason);
    }

    public static Transfer toDepartment(long departmentId, String reason) {
        return new Transfer(null, departmentId, reason);
    }
}
