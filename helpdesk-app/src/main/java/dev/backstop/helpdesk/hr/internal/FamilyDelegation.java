package dev.backstop.helpdesk.hr.internal;

import dev.backstop.helpdesk.hr.DelegationScope;
import dev.backstop.helpdesk.hr.HrRecordNotFound;
import dev.backstop.helpdesk.hr.InvalidHrInput;
import dev.backstop.helpdesk.identity.CurrentUser;
import dev.backstop.helpdesk.identity.Role;
import dev.backstop.helpdesk.shared.DeskTime;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "My family": the employee delegates to one of their family members, for a period, what that person may see and do.
 * Payslips are never granted by default (the form leaves them unticked and an empty choice grants nothing).
 */
@Service
public class FamilyDelegation {

    private final HrRecords records;
    private final Delegations delegations;
    private final Clock clock;
    private final DeskTime deskTime;

    FamilyDelegation(HrRecords records, Delegations delegations, Clock clock, DeskTime deskTime) {
        this.records = records;
        this.delegations = delegations;
        this.clock = clock;
        this.deskTime = deskTime;
    }

    public record View(List<HrRecords.FamilyMember> members, List<Delegations.Delegation> delegations, Instant now) {}

    @Transactional(readOnly = true)
    public View view(CurrentUser user) {
        long employeeId = employee(user);
        return new View(records.family(employeeId), delegations.of(employeeId), clock.instant());
    }

    /** Delegates until the end of the given day (desk time zone), at most two years ahead. */
    @Transactional
    public long delegate(CurrentUser user, long familyMemberId, Set<DelegationScope> scopes, String until) {
        long employeeId = employee(user);
        if (records.family(employeeId).stream().noneMatch(m -> m.id() == familyMemberId)) {
            throw new HrRecordNotFound();
        }
        if (scopes.isEmpty()) {
            throw new InvalidHrInput("hr.family.error.scopes");
        }
        LocalDate last;
        try {
            last = LocalDate.parse(until == null ? "" : until.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidHrInput("hr.family.error.until", until == null ? "" : until);
        }
        LocalDate today = LocalDate.now(clock.withZone(deskTime.zone()));
        if (last.isBefore(today) || last.isAfter(today.plusYears(2))) {
            throw new InvalidHrInput("hr.family.error.until", last.toString());
        }
        Instant now = clock.instant();
        return delegations.create(
                employeeId,
                familyMemberId,
                scopes,
                now,
                last.plusDays(1).atStartOfDay(deskTime.zone()).toInstant(),
                now);
    }

    @Transactional
    public void end(CurrentUser user, long delegationId) {
        if (!delegations.end(employee(user), delegationId, clock.instant())) {
            throw new HrRecordNotFound();
        }
    }

    private static long employee(CurrentUser user) {
        if (!user.has(Role.EMPLOYEE) || user.employeeId() == null || user.familyMemberId() != null) {
            throw new HrRecordNotFound();
        }
        return user.employeeId();
    }
}
