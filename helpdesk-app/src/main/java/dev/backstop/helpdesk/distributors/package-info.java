/**
 * Distributor accounts and their contacts. So far: their imports (the channel desk issue adds the rest).
 */
package dev.backstop.helpdesk.distributors;
