/**
 * The ERP: its snapshot imports (orders with lines, invoices, payments, sales policies), the connector that asks the
 * live ERP and falls back to the snapshot ({@link dev.backstop.helpdesk.erp.ErpLookups}), and the sales-policy check
 * ({@link dev.backstop.helpdesk.erp.SalesPolicies}).
 */
package dev.backstop.helpdesk.erp;
