package dev.backstop.helpdesk.mail.internal;

import dev.backstop.helpdesk.identity.CurrentUser;
import dev.backstop.helpdesk.identity.Role;
import dev.backstop.helpdesk.identity.SystemAccounts;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The account that records what arrives by e-mail ({@code mail-intake}, a {@link SystemAccounts system account}); the
 * timeline counts what it wrote as the requester's, named after the sender.
 */
@Component
class IntakeAccount {

    static final String USERNAME = "mail-intake";
    private static final String DISPLAY_NAME = "电子邮件 / E-mail";

    private final SystemAccounts accounts;
    private final JdbcTemplate jdbc;

    IntakeAccount(SystemAccounts accounts, JdbcTemplate jdbc) {
        this.accounts = accounts;
        this.jdbc = jdbc;
    }

    /** Acting in the name of {@code sender} (the author name of what it records). */
    CurrentUser as(String sender) {
        return accounts.as(USERNAME, DISPLAY_NAME, sender);
    }

    CurrentUser desk() {
        return as(DISPLAY_NAME);
    }

    /**
     * Acting in the name of {@code sender} on one ticket, for that ticket's requester: besides what the account sees
     * anyway, it then sees what the requester sees — their own confidential case (issue 15), which no admin, supervisor
     * or other HR agent sees — so the assignee's public reply goes out by e-mail and the requester's answer threads onto
     * it. No person signs in as this account, and a requester's own read is not an access-log row.
     */
    CurrentUser forRequesterOf(long ticketId, String sender) {
        CurrentUser account = as(sender == null || sender.isBlank() ? DISPLAY_NAME : sender);
        List<CurrentUser> requester = jdbc.query(
                "select requester_kind, employee_id, requester_ref from tickets where id = ?",
                (rs, n) -> switch (rs.getString(1)) {
                    case "EMPLOYEE" ->
                        rs.getObject(2) == null ? account : actingFor(account, Role.EMPLOYEE, rs.getLong(2), null);
                    case "FAMILY_MEMBER" ->
                        rs.getObject(3) == null ? account : actingFor(account, Role.FAMILY, null, rs.getLong(3));
                    default -> account;
                },
                ticketId);
        return requester.isEmpty() ? account : requester.getFirst();
    }

    private static CurrentUser actingFor(CurrentUser account, Role role, Long employeeId, Long familyMemberId) {
        Set<Role> roles = EnumSet.of(role);
        roles.addAll(account.roles());
        return new CurrentUser(
                account.id(), account.username(), account.displayName(), roles, null, employeeId, familyMemberId, null);
    }
}
