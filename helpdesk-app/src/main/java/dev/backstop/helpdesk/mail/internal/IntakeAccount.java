package dev.backstop.helpdesk.mail.internal;

import dev.backstop.helpdesk.identity.CurrentUser;
import dev.backstop.helpdesk.identity.SystemAccounts;
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

    IntakeAccount(SystemAccounts accounts) {
        this.accounts = accounts;
    }

    /** Acting in the name of {@code sender} (the author name of what it records). */
    CurrentUser as(String sender) {
        return accounts.as(USERNAME, DISPLAY_NAME, sender);
    }

    CurrentUser desk() {
        return as(DISPLAY_NAME);
    }
}
