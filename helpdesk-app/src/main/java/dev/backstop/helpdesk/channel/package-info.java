/**
 * The channel desk's distributor view: one screen with the account, its orders, shipments, invoices, payments,
 * credit, open tickets and last interactions (live ERP/WMS or their snapshots, with the snapshot's age), the
 * sales-policy check, and the requests that become tickets forwarded to a back-office department. Staff see every
 * account; a distributor sees only its own (anything else is 404).
 */
package dev.backstop.helpdesk.channel;
