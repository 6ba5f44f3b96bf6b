package dev.backstop.helpdesk.accounts;

import dev.backstop.helpdesk.identity.CurrentUser;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One-time links to set a password: how an imported account (which has none) or a user who forgot theirs gets in.
 * An administrator creates the link; the user is e-mailed when they have an address, and the administrator sees
 * the link to hand over otherwise. A new link voids the user's earlier ones.
 */
public interface PasswordLinks {

    Issued issue(String username, CurrentUser by);

    /** The link's account while the link is unused and unexpired. */
    Optional<LinkView> find(String token);

    /** Sets the password (policy checked, {@link AccountRefused} 400 otherwise) and uses the link up. */
    void setPassword(String token, String password, String confirmation);

    /** The administrators' list of accounts, filtered by user name or display name, those with no password first. */
    List<AccountRow> accounts(String query, int limit);

    /** @param emailedTo the address the link was sent to, or null when it was not sent (no address, no mail server) */
    record Issued(String username, String link, Instant expiresAt, String emailedTo) {}

    record LinkView(String username, String displayName, Instant expiresAt) {}

    record AccountRow(
            String username,
            String displayName,
            String email,
            boolean enabled,
            boolean hasPassword,
            Instant lastLoginAt,
            List<String> roles) {}
}
