/**
 * The warehouse system: the shipments snapshot imports and the connector that asks the live WMS and falls back to the
 * snapshot ({@link dev.backstop.helpdesk.wms.WmsLookups}).
 */
package dev.backstop.helpdesk.wms;
