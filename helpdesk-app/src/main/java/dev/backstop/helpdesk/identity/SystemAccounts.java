package dev.backstop.helpdesk.identity;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Accounts through which the desk itself writes (e-mail intake, web chat transcripts): a row in {@code app_users} made
 * on first use — not by a migration, since the demo data loads only into a database without users — with no role in
 * the database and no password, so nobody can sign in as one. In memory the account acts as a supervisor, so it may
 * write onto a ticket of any desk, under the name of whoever it writes for. Only the database id is kept here, and it
 * is read back from the database on each node.
 */
@Component
public class SystemAccounts {

    private final JdbcTemplate jdbc;
    private final Map<String, Long> ids = new ConcurrentHashMap<>();

    SystemAccounts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The account {@code username} (shown as {@code displayName} where it is listed), acting as {@code actingName}. */
    public CurrentUser as(String username, String displayName, String actingName) {
        long id = ids.computeIfAbsent(username, u -> create(u, displayName));
        return new CurrentUser(id, username, actingName, Set.of(Role.SUPERVISOR), null, null, null, null);
    }

    private long create(String username, String displayName) {
        jdbc.update("""
                insert into app_users (username, password_hash, display_name, enabled, created_at)
                select ?, '{bcrypt}!no-password', ?, false, current_timestamp
                 where not exists (select 1 from app_users where username = ?)""", username, displayName, username);
        return jdbc.queryForObject("select id from app_users where username = ?", Long.class, username);
    }
}
