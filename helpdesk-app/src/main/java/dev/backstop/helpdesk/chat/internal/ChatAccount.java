package dev.backstop.helpdesk.chat.internal;

import dev.backstop.helpdesk.identity.CurrentUser;
import dev.backstop.helpdesk.identity.Role;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The account that writes a chat's transcript onto its ticket ({@code web-chat}, made on first use: no role in the
 * database, cannot sign in). In memory it acts as a supervisor so it may write onto a ticket of any desk; the article
 * is named after the agent who chatted (or the requester, when no agent came).
 */
@Component
class ChatAccount {

    static final String USERNAME = "web-chat";

    private final JdbcTemplate jdbc;
    private volatile Long id;

    ChatAccount(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    CurrentUser as(String name) {
        return new CurrentUser(id(), USERNAME, name, Set.of(Role.SUPERVISOR), null, null, null, null);
    }

    private long id() {
        Long known = id;
        if (known == null) {
            jdbc.update("""
                    insert into app_users (username, password_hash, display_name, enabled, created_at)
                    select ?, '{bcrypt}!no-password', '网页聊天 / Web chat', false, current_timestamp
                     where not exists (select 1 from app_users where username = ?)""", USERNAME, USERNAME);
            known = jdbc.queryForObject("select id from app_users where username = ?", Long.class, USERNAME);
            id = known;
        }
        return known;
    }
}
