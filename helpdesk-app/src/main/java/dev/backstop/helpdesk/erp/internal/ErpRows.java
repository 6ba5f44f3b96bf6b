package dev.backstop.helpdesk.erp.internal;

import dev.backstop.imports.ParsedRow;
import dev.backstop.imports.RowError;
import java.util.List;

/** Shared bits of the ERP import targets. */
final class ErpRows {

    private ErpRows() {
    }

    static RowError unknownDistributor(ParsedRow row) {
        String code = row.text("distributor_code");
        return new RowError(row.line(), "distributor_code", code, "erp.import.unknownDistributor", List.of(code));
    }

    static String orDefault(String value, String fallback) {
        return value == null ? fallback : value;
    }
}
