package dev.backstop.helpdesk.tickets.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backstop.helpdesk.identity.CurrentUser;
import dev.backstop.helpdesk.identity.Role;
import dev.backstop.helpdesk.testsupport.SharedH2Context;
import dev.backstop.helpdesk.tickets.TicketSummary;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The ticket visibility as plain SQL ({@link TicketScope#sql}, used by the channel view's ticket lists) against the
 * Criteria predicate everything else uses ({@link TicketScope#visibleTo}): the same tickets for every demo user and
 * for a user of each single role; and a distributor's lists read with SQL equal to what the entities gave. On the
 * shared context both compare every ticket in the database (other classes' rows included: more cases, same rule), and
 * the demo tickets marked confidential for the first test are put back in a {@code finally}.
 */
@SharedH2Context
class TicketScopeTests {

    @Autowired
    Tickets tickets;

    @Autowired
    TicketViews views;

    @Autowired
    DistributorTickets distributorTickets;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Followers followers;

    @Test
    void theSqlScopeSeesExactlyTheTicketsTheCriteriaScopeSees() {
        // a confidential ticket at each desk, so "open" (not confidential) clauses are exercised too
        List<Long> marked = jdbc.queryForList(
                "select id from tickets where confidential = false and id in (select min(id) from tickets group by desk)",
                Long.class);
        marked.forEach(id -> jdbc.update("update tickets set confidential = true where id = ?", id));
        try {
            compareTheScopesForEveryUser();
        } finally {
            marked.forEach(id -> jdbc.update("update tickets set confidential = false where id = ?", id));
        }
    }

    private void compareTheScopesForEveryUser() {
        List<CurrentUser> users = users();
        assertThat(users).hasSizeGreaterThan(Role.values().length);
        for (CurrentUser user : users) {
            List<Long> criteria = tickets.findAll(TicketScope.visibleTo(user, followers.of(user))).stream()
                    .map(TicketEntity::id)
                    .sorted()
                    .toList();
            TicketScope.SqlPredicate sql = TicketScope.sql(user, "t", followers.of(user));
            List<Long> plain = jdbc.queryForList(
                    "select t.id from tickets t where " + sql.sql() + " order by t.id",
                    Long.class,
                    sql.args().toArray());
            assertThat(plain).as("%s %s", user.username(), user.roles()).isEqualTo(criteria);
        }
    }

    @Test
    void aDistributorsListsReadWithSqlAreTheRowsTheEntitiesGave() {
        List<Long> distributors = jdbc.queryForList("""
                select distributor_id from tickets where distributor_id is not null
                 group by distributor_id order by count(*) desc fetch first 5 rows only""", Long.class);
        assertThat(distributors).isNotEmpty();
        int compared = 0;
        for (CurrentUser user : users()) {
            for (long distributor : distributors) {
                for (boolean activeOnly : new boolean[] {true, false}) {
                    for (int limit : new int[] {1, 5, 10}) {
                        List<TicketSummary> sql = distributorTickets.of(distributor, activeOnly, limit, user);
                        assertThat(sql)
                                .as(
                                        "%s %s, distributor %d, active only %s, limit %d",
                                        user.username(), user.roles(), distributor, activeOnly, limit)
                                .isEqualTo(entities(distributor, activeOnly, limit, user));
                        compared += sql.size();
                    }
                }
            }
        }
        assertThat(compared).isPositive();
    }

    /** What TicketService.ofDistributor returned before it read SQL: Criteria, entities, TicketViews.summaries. */
    private List<TicketSummary> entities(long distributorId, boolean activeOnly, int limit, CurrentUser by) {
        org.springframework.data.jpa.domain.Specification<TicketEntity> ofAccount = (root, query, cb) -> activeOnly
                ? cb.and(
                        cb.equal(root.get("distributorId"), distributorId),
                        root.get("state")
                                .in(
                                        dev.backstop.helpdesk.tickets.TicketState.RESOLVED,
                                        dev.backstop.helpdesk.tickets.TicketState.CLOSED)
                                .not())
                : cb.equal(root.get("distributorId"), distributorId);
        var page = tickets.findAll(
                TicketScope.visibleTo(by, followers.of(by)).and(ofAccount),
                PageRequest.of(0, limit, Sort.by(Sort.Order.desc("updatedAt"), Sort.Order.desc("id"))));
        return views.summaries(page).getContent();
    }

    /** Every demo user as they sign in, and one user per role bound to rows that exist. */
    private List<CurrentUser> users() {
        List<CurrentUser> users = new ArrayList<>();
        for (Map<String, Object> u : jdbc.queryForList("""
                select u.id, u.username, u.distributor_id, coalesce(u.employee_id, fm.employee_id) as employee_id,
                       u.family_member_id, u.department_id
                  from app_users u left join family_members fm on fm.id = u.family_member_id order by u.id""")) {
            long id = ((Number) u.get("id")).longValue();
            Set<Role> roles = EnumSet.noneOf(Role.class);
            jdbc.queryForList("select role from user_roles where user_id = ?", String.class, id)
                    .forEach(r -> roles.add(Role.valueOf(r)));
            users.add(new CurrentUser(
                    id,
                    (String) u.get("username"),
                    "",
                    roles,
                    number(u.get("distributor_id")),
                    number(u.get("employee_id")),
                    number(u.get("family_member_id")),
                    number(u.get("department_id"))));
        }
        Long assignee = jdbc.queryForObject("select max(assignee_id) from tickets", Long.class);
        Long creator = jdbc.queryForObject("select max(created_by) from tickets", Long.class);
        Long distributor = jdbc.queryForObject("select max(distributor_id) from tickets", Long.class);
        Long employee = jdbc.queryForObject(
                "select max(employee_id) from tickets where requester_kind = 'EMPLOYEE'", Long.class);
        Long family = jdbc.queryForObject(
                "select max(requester_ref) from tickets where requester_kind = 'FAMILY_MEMBER'", Long.class);
        Long frontline = jdbc.queryForObject(
                "select max(requester_ref) from tickets where requester_kind = 'FRONTLINE_REP'", Long.class);
        Long department = jdbc.queryForObject("select max(department_id) from tickets", Long.class);
        for (Role role : Role.values()) {
            for (Long id : new Long[] {assignee, creator, frontline}) {
                users.add(new CurrentUser(
                        id == null ? -1 : id,
                        "only-" + role,
                        "",
                        Set.of(role),
                        distributor,
                        employee,
                        family,
                        department));
            }
        }
        users.add(new CurrentUser(-2, "nobody", "", Set.of(), null, null, null, null));
        users.add(new CurrentUser(
                -3,
                "unbound",
                "",
                Set.of(Role.DISTRIBUTOR, Role.EMPLOYEE, Role.FAMILY, Role.BACK_OFFICE),
                null,
                null,
                null,
                null));
        return users;
    }

    private static Long number(Object value) {
        return value == null ? null : ((Number) value).longValue();
    }
}
