package dev.backstop.helpdesk.chat.internal;

import dev.backstop.helpdesk.identity.CurrentUser;
import dev.backstop.helpdesk.identity.SystemAccounts;
import org.springframework.stereotype.Component;

/**
 * The account that writes a chat's transcript onto its ticket ({@code web-chat}, a {@link SystemAccounts system
 * account}); the article is named after the agent who chatted (or the requester, when no agent came).
 */
@Component
class ChatAccount {

    static final String USERNAME = "web-chat";

    private final SystemAccounts accounts;

    ChatAccount(SystemAccounts accounts) {
        this.accounts = accounts;
    }

    CurrentUser as(String name) {
        return accounts.as(USERNAME, "网页聊天 / Web chat", name);
    }
}
