package dev.backstop.helpdesk.tickets.internal;

import static dev.backstop.helpdesk.identity.Role.ADMIN;
import static dev.backstop.helpdesk.identity.Role.BACK_OFFICE;
import static dev.backstop.helpdesk.identity.Role.CHANNEL_AGENT;
import static dev.backstop.helpdesk.identity.Role.DISTRIBUTOR;
import static dev.backstop.helpdesk.identity.Role.EMPLOYEE;
import static dev.backstop.helpdesk.identity.Role.EXPERT;
import static dev.backstop.helpdesk.identity.Role.FAMILY;
import static dev.backstop.helpdesk.identity.Role.FRONTLINE;
import static dev.backstop.helpdesk.identity.Role.HR_AGENT;
import static dev.backstop.helpdesk.identity.Role.HR_LEAD;
import static dev.backstop.helpdesk.identity.Role.HR_PAYROLL;
import static dev.backstop.helpdesk.identity.Role.SUPERVISOR;

import dev.backstop.helpdesk.identity.CurrentUser;
import dev.backstop.helpdesk.identity.Role;
import dev.backstop.helpdesk.tickets.Desk;
import dev.backstop.helpdesk.tickets.RequesterKind;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.data.jpa.domain.Specification;

/**
 * Which tickets a user may see, as a query predicate (ADR 0004). Roles combine with OR. A confidential case (issue 15)
 * is decided apart, before every other rule: its assignee, HR leads and its requester only. Confidential
 * tickets are seen by payroll staff (HR desk), supervisors, admins, their assignee, their creator and their
 * requester — not by the rest of a desk. A family member also sees the HR tickets (not the confidential ones) of the
 * employees who delegated that to them right now ({@code followed}, from {@link Followers}).
 */
final class TicketScope {

    static final Set<Role> STAFF = EnumSet.of(
            CHANNEL_AGENT,
            BACK_OFFICE,
            FRONTLINE,
            EXPERT,
            HR_AGENT,
            HR_PAYROLL,
            HR_LEAD,
            SUPERVISOR,
            Role.KB_EDITOR,
            ADMIN);

    private TicketScope() {}

    static boolean isStaff(CurrentUser user) {
        return user.roles().stream().anyMatch(STAFF::contains);
    }

    /**
     * Whether {@code user} is the party this ticket is for (the employee or family member who raised it): their reads
     * of their own confidential case are not reported, also when an account acts for them (the e-mail channel sending
     * the desk's reply).
     */
    static boolean isRequester(TicketEntity ticket, CurrentUser user) {
        if (ticket.requesterKind() == RequesterKind.EMPLOYEE) {
            return user.has(EMPLOYEE)
                    && user.employeeId() != null
                    && user.employeeId().equals(ticket.employeeId());
        }
        if (ticket.requesterKind() == RequesterKind.FAMILY_MEMBER) {
            return user.has(FAMILY)
                    && user.familyMemberId() != null
                    && user.familyMemberId().equals(ticket.requesterRef());
        }
        return false;
    }

    static Specification<TicketEntity> visibleTo(CurrentUser user, List<Long> followed) {
        return (root, query, cb) -> cb.or(
                cb.and(cb.isFalse(root.get("confidentialCase")), regular(user, followed, root, cb)),
                cb.and(cb.isTrue(root.get("confidentialCase")), confidentialCase(user, root, cb)));
    }

    /**
     * Who sees a confidential case (issue 15: harassment, disputes): its assignee, HR leads, and its requester — not
     * admins, supervisors, payroll staff, its creator or the rest of the HR desk; never a family member following the
     * employee.
     */
    private static Predicate confidentialCase(CurrentUser user, Root<TicketEntity> root, CriteriaBuilder cb) {
        List<Predicate> any = new ArrayList<>();
        if (user.has(HR_LEAD)) {
            return cb.conjunction();
        }
        if (isStaff(user)) {
            any.add(cb.equal(root.get("assigneeId"), user.id()));
        }
        if (user.has(EMPLOYEE) && user.employeeId() != null) {
            any.add(cb.and(
                    cb.equal(root.get("employeeId"), user.employeeId()),
                    cb.equal(root.get("requesterKind"), RequesterKind.EMPLOYEE)));
        }
        if (user.has(FAMILY) && user.familyMemberId() != null) {
            any.add(requester(root, cb, RequesterKind.FAMILY_MEMBER, user.familyMemberId()));
        }
        return any.isEmpty() ? cb.disjunction() : cb.or(any.toArray(Predicate[]::new));
    }

    private static Predicate regular(
            CurrentUser user, List<Long> followed, Root<TicketEntity> root, CriteriaBuilder cb) {
        {
            if (user.hasAny(ADMIN, SUPERVISOR)) {
                return cb.conjunction();
            }
            List<Predicate> any = new ArrayList<>();
            Predicate open = cb.isFalse(root.get("confidential"));
            if (isStaff(user)) {
                any.add(cb.equal(root.get("assigneeId"), user.id()));
                any.add(cb.equal(root.get("createdBy"), user.id()));
            }
            if (user.has(CHANNEL_AGENT)) {
                any.add(cb.and(desk(root, cb, Desk.CHANNEL), open));
            }
            if (user.has(EXPERT)) {
                any.add(cb.and(desk(root, cb, Desk.EXPERT), open));
            }
            if (user.has(FRONTLINE)) {
                any.add(cb.and(
                        desk(root, cb, Desk.EXPERT), requester(root, cb, RequesterKind.FRONTLINE_REP, user.id())));
            }
            if (user.has(HR_AGENT)) {
                any.add(cb.and(desk(root, cb, Desk.HR), open));
            }
            if (user.hasAny(HR_PAYROLL, HR_LEAD)) {
                any.add(desk(root, cb, Desk.HR));
            }
            if (user.has(BACK_OFFICE) && user.departmentId() != null) {
                any.add(cb.and(cb.equal(root.get("departmentId"), user.departmentId()), open));
            }
            if (user.has(DISTRIBUTOR) && user.distributorId() != null) {
                any.add(cb.equal(root.get("distributorId"), user.distributorId()));
            }
            if (user.has(EMPLOYEE) && user.employeeId() != null) {
                any.add(cb.and(
                        cb.equal(root.get("employeeId"), user.employeeId()),
                        cb.equal(root.get("requesterKind"), RequesterKind.EMPLOYEE)));
            }
            if (user.has(FAMILY) && user.familyMemberId() != null) {
                any.add(requester(root, cb, RequesterKind.FAMILY_MEMBER, user.familyMemberId()));
                if (!followed.isEmpty()) {
                    any.add(cb.and(
                            desk(root, cb, Desk.HR),
                            cb.equal(root.get("requesterKind"), RequesterKind.EMPLOYEE),
                            root.get("employeeId").in(followed),
                            open));
                }
            }
            return any.isEmpty() ? cb.disjunction() : cb.or(any.toArray(Predicate[]::new));
        }
    }

    /** A where-clause fragment and its arguments, in order. */
    record SqlPredicate(String sql, List<Object> args) {}

    /**
     * {@link #visibleTo} as plain SQL over the {@code tickets} table under the alias, for the lists read without
     * entities ({@link DistributorTickets}); the same rules, clause for clause (TicketScopeTests compares both for every
     * demo user).
     */
    static SqlPredicate sql(CurrentUser user, String t, List<Long> followed) {
        SqlPredicate regular = regularSql(user, t, followed);
        SqlPredicate sealed = confidentialCaseSql(user, t);
        List<Object> args = new ArrayList<>(regular.args());
        args.addAll(sealed.args());
        return new SqlPredicate(
                "((" + t + ".confidential_case = false and (" + regular.sql() + ")) or (" + t
                        + ".confidential_case = true and (" + sealed.sql() + ")))",
                List.copyOf(args));
    }

    /** {@link #confidentialCase} as SQL. */
    private static SqlPredicate confidentialCaseSql(CurrentUser user, String t) {
        if (user.has(HR_LEAD)) {
            return new SqlPredicate("1 = 1", List.of());
        }
        List<String> any = new ArrayList<>();
        List<Object> args = new ArrayList<>();
        if (isStaff(user)) {
            any.add(t + ".assignee_id = ?");
            args.add(user.id());
        }
        if (user.has(EMPLOYEE) && user.employeeId() != null) {
            any.add(t + ".employee_id = ? and " + t + ".requester_kind = 'EMPLOYEE'");
            args.add(user.employeeId());
        }
        if (user.has(FAMILY) && user.familyMemberId() != null) {
            any.add(t + ".requester_kind = 'FAMILY_MEMBER' and " + t + ".requester_ref = ?");
            args.add(user.familyMemberId());
        }
        return any.isEmpty()
                ? new SqlPredicate("1 = 0", List.of())
                : new SqlPredicate("(" + String.join(") or (", any) + ")", List.copyOf(args));
    }

    private static SqlPredicate regularSql(CurrentUser user, String t, List<Long> followed) {
        if (user.hasAny(ADMIN, SUPERVISOR)) {
            return new SqlPredicate("1 = 1", List.of());
        }
        List<String> any = new ArrayList<>();
        List<Object> args = new ArrayList<>();
        String open = t + ".confidential = false";
        if (isStaff(user)) {
            any.add(t + ".assignee_id = ?");
            any.add(t + ".created_by = ?");
            args.add(user.id());
            args.add(user.id());
        }
        if (user.has(CHANNEL_AGENT)) {
            any.add(t + ".desk = 'CHANNEL' and " + open);
        }
        if (user.has(EXPERT)) {
            any.add(t + ".desk = 'EXPERT' and " + open);
        }
        if (user.has(FRONTLINE)) {
            any.add(t + ".desk = 'EXPERT' and " + t + ".requester_kind = 'FRONTLINE_REP' and " + t
                    + ".requester_ref = ?");
            args.add(user.id());
        }
        if (user.has(HR_AGENT)) {
            any.add(t + ".desk = 'HR' and " + open);
        }
        if (user.hasAny(HR_PAYROLL, HR_LEAD)) {
            any.add(t + ".desk = 'HR'");
        }
        if (user.has(BACK_OFFICE) && user.departmentId() != null) {
            any.add(t + ".department_id = ? and " + open);
            args.add(user.departmentId());
        }
        if (user.has(DISTRIBUTOR) && user.distributorId() != null) {
            any.add(t + ".distributor_id = ?");
            args.add(user.distributorId());
        }
        if (user.has(EMPLOYEE) && user.employeeId() != null) {
            any.add(t + ".employee_id = ? and " + t + ".requester_kind = 'EMPLOYEE'");
            args.add(user.employeeId());
        }
        if (user.has(FAMILY) && user.familyMemberId() != null) {
            any.add(t + ".requester_kind = 'FAMILY_MEMBER' and " + t + ".requester_ref = ?");
            args.add(user.familyMemberId());
            if (!followed.isEmpty()) {
                any.add(t + ".desk = 'HR' and " + t + ".requester_kind = 'EMPLOYEE' and " + t + ".employee_id in ("
                        + String.join(", ", followed.stream().map(id -> "?").toList()) + ") and " + open);
                args.addAll(followed);
            }
        }
        return any.isEmpty()
                ? new SqlPredicate("1 = 0", List.of())
                : new SqlPredicate("(" + String.join(") or (", any) + ")", List.copyOf(args));
    }

    /** The desks a user may open tickets at. */
    static Set<Desk> desksToOpen(CurrentUser user) {
        Set<Desk> desks = EnumSet.noneOf(Desk.class);
        if (user.hasAny(ADMIN, SUPERVISOR)) {
            return EnumSet.allOf(Desk.class);
        }
        if (user.hasAny(CHANNEL_AGENT, DISTRIBUTOR)) {
            desks.add(Desk.CHANNEL);
        }
        // the expert desk stands behind every rep who answers callers: front line, channel and HR agents escalate to it
        if (user.hasAny(FRONTLINE, EXPERT, CHANNEL_AGENT, HR_AGENT, HR_PAYROLL)) {
            desks.add(Desk.EXPERT);
        }
        if (user.hasAny(HR_AGENT, HR_PAYROLL, EMPLOYEE, FAMILY)) {
            desks.add(Desk.HR);
        }
        return desks;
    }

    private static Predicate desk(Root<TicketEntity> root, CriteriaBuilder cb, Desk desk) {
        return cb.equal(root.get("desk"), desk);
    }

    private static Predicate requester(Root<TicketEntity> root, CriteriaBuilder cb, RequesterKind kind, long ref) {
        return cb.and(cb.equal(root.get("requesterKind"), kind), cb.equal(root.get("requesterRef"), ref));
    }
}
