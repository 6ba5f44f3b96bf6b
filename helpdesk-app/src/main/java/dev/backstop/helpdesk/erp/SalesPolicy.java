package dev.backstop.helpdesk.erp;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A sales policy (rebate, discount, promotion) as last imported from the ERP, at its current version.
 *
 * @param kind REBATE, DISCOUNT, PROMOTION
 * @param tier the distributor tier it is for (null: any); likewise region and product category
 */
public record SalesPolicy(
        String code,
        int version,
        String title,
        String kind,
        String tier,
        String regionCode,
        String productCategory,
        LocalDate validFrom,
        LocalDate validTo,
        BigDecimal discountRate,
        BigDecimal minQuantity,
        BigDecimal minAmount,
        String description) {

    public boolean validOn(LocalDate day) {
        return !day.isBefore(validFrom) && (validTo == null || !day.isAfter(validTo));
    }
}
