package dev.backstop.helpdesk.identity.internal;

import dev.backstop.helpdesk.identity.Role;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The user accounts (app_users + user_roles). A FAMILY user's employee is the employee of their family
 * member, resolved here once so every scope check can use it.
 */
@Repository
class Users {

    /** The user's row once per role (and once with a null role when it has none): one query, one connection. */
    private static final String SELECT = """
            select u.id, u.username, u.password_hash, u.display_name, u.enabled, u.distributor_id,
                   coalesce(u.employee_id, fm.employee_id) as employee_id, u.family_member_id, u.department_id,
                   u.failed_attempts, u.locked_until, r.role
              from app_users u left join family_members fm on fm.id = u.family_member_id
              left join user_roles r on r.user_id = u.id
            """;

    private final JdbcTemplate jdbc;

    Users(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<UserAccount> byUsername(String username) {
        return jdbc.query(SELECT + " where u.username = ?", Users::withRoles, username);
    }

    Optional<UserAccount> byId(long id) {
        return jdbc.query(SELECT + " where u.id = ?", Users::withRoles, id);
    }

    /**
     * The user with its roles from the joined rows. Never a second query from inside a row mapper: that takes a second
     * pooled connection while the first is still held, so as many concurrent authentications as the pool has
     * connections (every API request authenticates) held all of them and waited for each other until the pool timed
     * out (found by the channel-view benchmark: 200 requests/s deadlocked a pool of 10 for 30 s).
     */
    private static Optional<UserAccount> withRoles(ResultSet rs) throws SQLException {
        UserAccount u = null;
        Set<Role> roles = EnumSet.noneOf(Role.class);
        while (rs.next()) {
            if (u == null) {
                u = map(rs);
            }
            String role = rs.getString("role");
            if (role != null) {
                roles.add(Role.valueOf(role));
            }
        }
        if (u == null) {
            return Optional.empty();
        }
        return Optional.of(new UserAccount(
                u.id(),
                u.username(),
                u.passwordHash(),
                u.displayName(),
                u.enabled(),
                roles,
                u.distributorId(),
                u.employeeId(),
                u.familyMemberId(),
                u.departmentId(),
                u.failedAttempts(),
                u.lockedUntil()));
    }

    long count() {
        Long count = jdbc.queryForObject("select count(*) from app_users", Long.class);
        return count == null ? 0 : count;
    }

    long create(String username, String passwordHash, String displayName, Set<Role> roles, Instant now) {
        jdbc.update(
                "insert into app_users (username, password_hash, display_name, created_at) values (?, ?, ?, ?)",
                username,
                passwordHash,
                displayName,
                Timestamp.from(now));
        Long id = jdbc.queryForObject("select id from app_users where username = ?", Long.class, username);
        for (Role role : roles) {
            jdbc.update("insert into user_roles (user_id, role) values (?, ?)", id, role.name());
        }
        return id;
    }

    /** Counts a failed login; returns the number of consecutive failures now recorded. */
    int recordFailure(String username) {
        jdbc.update("update app_users set failed_attempts = failed_attempts + 1 where username = ?", username);
        List<Integer> failures =
                jdbc.queryForList("select failed_attempts from app_users where username = ?", Integer.class, username);
        return failures.isEmpty() ? 0 : failures.get(0);
    }

    void lock(String username, Instant until) {
        jdbc.update(
                "update app_users set locked_until = ?, failed_attempts = 0 where username = ?",
                Timestamp.from(until),
                username);
    }

    /** Resets the failure count; writes at most once every few minutes for a busy API client. */
    void recordSuccess(String username, Instant now) {
        jdbc.update("""
                update app_users set failed_attempts = 0, last_login_at = ?
                 where username = ? and (failed_attempts > 0 or last_login_at is null or last_login_at < ?)
                """, Timestamp.from(now), username, Timestamp.from(now.minusSeconds(300)));
    }

    /** The user's columns of the current row (no query in here, see {@link #withRoles}). */
    private static UserAccount map(ResultSet rs) throws SQLException {
        Timestamp locked = rs.getTimestamp("locked_until");
        return new UserAccount(
                rs.getLong("id"),
                rs.getString("username"),
                rs.getString("password_hash"),
                rs.getString("display_name"),
                rs.getBoolean("enabled"),
                Set.of(),
                (Long) rs.getObject("distributor_id", Long.class),
                (Long) rs.getObject("employee_id", Long.class),
                (Long) rs.getObject("family_member_id", Long.class),
                (Long) rs.getObject("department_id", Long.class),
                rs.getInt("failed_attempts"),
                locked == null ? null : locked.toInstant());
    }
}
