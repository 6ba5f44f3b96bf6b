package dev.backstop.helpdesk.tickets.internal;

import dev.backstop.helpdesk.tickets.Assignee;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** Display names of users and departments, and distributor tiers, for tickets (read straight from their tables). */
@Component
class Names {

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;

    Names(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
    }

    Optional<String> user(Long id) {
        return id == null ? Optional.empty() : one("select display_name from app_users where id = ?", id);
    }

    /** Only staff can be assignees. */
    Optional<String> staffUser(long id) {
        return one("""
                select u.display_name from app_users u where u.id = ? and u.enabled = true and exists (
                  select 1 from user_roles r where r.user_id = u.id
                   and r.role not in ('DISTRIBUTOR', 'EMPLOYEE', 'FAMILY'))""", id);
    }

    /** Those of the users who hold only portal roles (distributors, employees, family members). */
    Set<Long> portalUsers(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        return new java.util.HashSet<>(named.queryForList("""
                select u.id from app_users u where u.id in (:ids) and not exists (
                  select 1 from user_roles r where r.user_id = u.id and r.role not in ('DISTRIBUTOR', 'EMPLOYEE', 'FAMILY'))""", Map.of("ids", ids), Long.class));
    }

    /** Enabled users holding any of the roles, plus back-office staff of the department (when given), by name. */
    List<Assignee> assignees(Set<String> roles, Long departmentId) {
        return named.query(
                """
                select u.id, u.display_name from app_users u where u.enabled = true and (
                  exists (select 1 from user_roles r where r.user_id = u.id and r.role in (:roles))
                  or (u.department_id = :department and exists (
                      select 1 from user_roles r where r.user_id = u.id and r.role = 'BACK_OFFICE')))
                order by u.display_name, u.id""",
                new MapSqlParameterSource("roles", roles)
                        .addValue("department", departmentId == null ? -1L : departmentId),
                (rs, row) -> new Assignee(rs.getLong(1), rs.getString(2)));
    }

    /** Ids of the enabled back-office users of a department. */
    List<Long> backOfficeOf(long departmentId) {
        return jdbc.queryForList("""
                select u.id from app_users u join user_roles r on r.user_id = u.id
                 where u.enabled = true and r.role = 'BACK_OFFICE' and u.department_id = ? order by u.id""", Long.class, departmentId);
    }

    /** Ids of the enabled users holding any of the roles. */
    List<Long> usersWithRoles(Set<String> roles) {
        return named.queryForList("""
                select distinct u.id from app_users u join user_roles r on r.user_id = u.id
                 where u.enabled = true and r.role in (:roles) order by u.id""", Map.of("roles", roles), Long.class);
    }

    /** A distributor's tier (VIP, KEY, GENERAL, SPECIAL), for the ticket's segment. */
    Optional<String> distributorTier(long distributorId) {
        return jdbc.queryForList("select tier from distributors where id = ?", String.class, distributorId).stream()
                .findFirst();
    }

    boolean employeeExists(long employeeId) {
        return !jdbc.queryForList("select id from employees where id = ?", Long.class, employeeId)
                .isEmpty();
    }

    Optional<String> department(Long id) {
        return id == null ? Optional.empty() : one("select name from departments where id = ?", id);
    }

    Map<Long, String> users(Collection<Long> ids) {
        Map<Long, String> names = new HashMap<>();
        if (!ids.isEmpty()) {
            named.query("select id, display_name from app_users where id in (:ids)", Map.of("ids", ids), rs -> {
                names.put(rs.getLong(1), rs.getString(2));
            });
        }
        return names;
    }

    private Optional<String> one(String sql, long id) {
        return jdbc.queryForList(sql, String.class, id).stream().findFirst();
    }
}
