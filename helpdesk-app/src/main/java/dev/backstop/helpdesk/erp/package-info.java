/**
 * Snapshots of the ERP: orders with lines, invoices, payments, sales policies. So far: their imports (the
 * channel desk issue adds the connector that reads them).
 */
package dev.backstop.helpdesk.erp;
