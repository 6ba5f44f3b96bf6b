/**
 * Provisioning of user accounts from the company directory (the users import). The identity module owns
 * authentication and the account tables; this module only loads accounts into them, so that identity need not
 * depend on the imports module (which depends on identity).
 */
package dev.backstop.helpdesk.accounts;
