/**
 * Provisioning of user accounts from the company directory (the users import). The identity module owns
 * authentication and the account tables; this module only loads accounts into them, so that identity need not
 * depend on the imports module (which depends on identity).
 *
 * <h2>Accounts</h2>
 * {@code accounts} owns set-password links ({@code password_links}, SHA-256 of the token, one use, a new link voids
 * the older ones); the public page sets the password with the rules (10–128 characters, not the user name, not a
 * common password) and clears a lock-out.
 */
package dev.backstop.helpdesk.accounts;
