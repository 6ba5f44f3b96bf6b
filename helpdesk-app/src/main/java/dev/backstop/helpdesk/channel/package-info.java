/**
 * The channel desk's distributor view: one screen with the account, its orders, shipments, invoices, payments,
 * credit, open tickets and last interactions (live ERP/WMS or their snapshots, with the snapshot's age), the
 * sales-policy check, and the requests that become tickets forwarded to a back-office department. Staff see every
 * account; a distributor sees only its own (anything else is 404).
 *
 * <h2>Distributor view</h2>
 * ({@code ChannelDesk.view}): the caller may see the account (channel agents, back office, supervisors, admins: all;
 * a distributor: its own, else 404) &rarr; ERP and WMS are asked at once on virtual threads through {@code
 * ErpLookups} / {@code WmsLookups} (live within the budget, else the snapshot with {@code asOf} and the reason, ADR
 * 0011) &rarr; the account's tickets through {@code TicketManagement.ofDistributor} (scoped as usual, one SQL query
 * per list) &rarr; today's policies for its tier and region. Orders come with their amount and line count, not their
 * lines (those are on the order's page). The page and {@code GET /api/v1/distributors/&#123;code&#125;} render the
 * same record. An order page adds the shipments of the order and ordered vs shipped per line; the policy check
 * ({@code SalesPolicies.check}) lists every rule met or not.
 *
 * <h2>Channel requests</h2>
 * ({@code ChannelDesk.raise}, one transaction): the kind decides the references it needs, the department kind
 * (LOGISTICS, FINANCE, SALES), the ticket type and the default deadline; a delivery discrepancy is refused unless
 * ordered, shipped and received differ on some line. Staff: {@code TicketManagement.open} (channel desk, the
 * account's primary contact as requester) then {@code transfer} to the department with the deadline; a distributor in
 * the portal: the ticket waits at the channel desk. {@code channel_requests} (+ lines) keep what was claimed. After
 * commit, {@code RequestAnswers} e-mails each new public reply of the desk to the requester once (guarded {@code
 * notified_entry}).
 */
package dev.backstop.helpdesk.channel;
