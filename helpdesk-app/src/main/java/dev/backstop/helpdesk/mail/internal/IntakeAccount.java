package dev.backstop.helpdesk.mail.internal;

import dev.backstop.helpdesk.identity.CurrentUser;
import dev.backstop.helpdesk.identity.Role;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The account that records what arrives by e-mail ({@code mail-intake}, made on first use: no role in the
 * database, cannot sign in). In memory it acts as a supervisor so it may open a ticket at any desk and answer onto it;
 * the timeline counts what it wrote as the requester's, named after the sender.
 */
@Component
class IntakeAccount {

    static final String USERNAME = "mail-intake";

    private final JdbcTemplate jdbc;
    private volatile Long id;

    IntakeAccount(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Acting in the name of {@code sender} (the author name of what it records). */
    CurrentUser as(String sender) {
        return new CurrentUser(id(), USERNAME, sender, Set.of(Role.SUPERVISOR), null, null, null, null);
    }

    CurrentUser desk() {
        return as("电子邮件 / E-mail");
    }

    private long id() {
        Long known = id;
        if (known == null) {
            // made on first use, not by a migration: the demo data loads only into a database without users
            jdbc.update("""
                    insert into app_users (username, password_hash, display_name, enabled, created_at)
                    select ?, '{bcrypt}!no-password', '电子邮件 / E-mail', false, current_timestamp
                     where not exists (select 1 from app_users where username = ?)""", USERNAME, USERNAME);
            known = jdbc.queryForObject("select id from app_users where username = ?", Long.class, USERNAME);
            id = known;
        }
        return known;
    }
}
