-- The distributor view lists an account's orders of the last 90 days or still open, and its invoices of the last 90
-- days or still unpaid. With only (distributor_id, date) indexes PostgreSQL visits every order / invoice row of the
-- account to test the status (one heap page each: ~170 for the median account of the benchmark, ~3,400 for the
-- biggest). With the open ones indexed on their own it can OR the two index scans and visit only the rows listed.
-- PostgreSQL only (H2 has no partial indexes; the dev/test database does not need them).
create index erp_orders_open on erp_orders (distributor_id) where status in ('OPEN', 'CONFIRMED', 'SHIPPED');
create index erp_invoices_unpaid on erp_invoices (distributor_id) where status in ('OPEN', 'PARTIAL', 'OVERDUE');
