package dev.backstop.helpdesk.erp.internal;

import dev.backstop.helpdesk.imports.Reference;
import dev.backstop.imports.ParsedRow;
import dev.backstop.imports.RowError;

/** Shared bits of the ERP import targets. */
final class ErpRows {

    private ErpRows() {}

    /** The distributor a row of an ERP import belongs to, by its {@code distributor_code}. */
    static final Reference DISTRIBUTOR =
            new Reference("distributors", "code", "distributor_code", "erp.import.unknownDistributor");

    static RowError unknownDistributor(ParsedRow row) {
        return DISTRIBUTOR.unknown(row);
    }

    static String orDefault(String value, String fallback) {
        return value == null ? fallback : value;
    }
}
