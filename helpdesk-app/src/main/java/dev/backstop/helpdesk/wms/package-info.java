/**
 * Snapshots of the warehouse system: shipments. So far: their imports (the channel desk issue adds the connector).
 */
package dev.backstop.helpdesk.wms;
