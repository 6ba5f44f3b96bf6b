package dev.backstop.helpdesk.wms;

import java.math.BigDecimal;

/** Stock of one SKU in one warehouse: on hand, reserved for orders, and what is left to promise. */
public record StockLevel(String warehouse, String sku, String productName, BigDecimal onHand, BigDecimal reserved) {

    @com.fasterxml.jackson.annotation.JsonProperty("available")
    public BigDecimal available() {
        return onHand.subtract(reserved == null ? BigDecimal.ZERO : reserved).max(BigDecimal.ZERO);
    }
}
