/**
 * Distributor accounts and their contacts: their imports, and the directory the channel desk finds an account in
 * (by code, name, contact name or a caller's phone number).
 */
package dev.backstop.helpdesk.distributors;
