package dev.backstop.helpdesk.erp.internal;

import dev.backstop.helpdesk.imports.DeclaredImport;
import dev.backstop.helpdesk.imports.ImportKind;
import dev.backstop.helpdesk.imports.RowOutcome;
import dev.backstop.helpdesk.imports.TableUpsert;
import dev.backstop.helpdesk.imports.UpsertBatch;
import dev.backstop.imports.ParsedRow;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/** An ERP snapshot table with one natural key and a distributor reference: invoices, payments, shipments. */
abstract class SimpleErpImport extends DeclaredImport {

    private final JdbcTemplate jdbc;
    private final TableUpsert table;
    private final boolean needsDistributor;

    SimpleErpImport(
            ImportKind kind,
            JdbcTemplate jdbc,
            String tableName,
            List<String> key,
            List<String> columns,
            boolean needsDistributor) {
        super(kind);
        this.jdbc = jdbc;
        this.table = TableUpsert.of(jdbc, tableName, key, columns);
        this.needsDistributor = needsDistributor;
    }

    /** The table this import upserts, for a subclass that reads it before (sales policies: what a batch changed). */
    TableUpsert table() {
        return table;
    }

    /** Key values then column values of a valid row; {@code distributorId} is null when not needed. */
    abstract Object[] values(ParsedRow row, Long distributorId);

    @Override
    public List<RowOutcome> upsert(List<ParsedRow> rows) {
        if (needsDistributor) {
            return ErpRows.DISTRIBUTOR.upsert(jdbc, rows, table, (row, distributor) -> values(row, distributor));
        }
        UpsertBatch batch = new UpsertBatch(rows);
        for (int i = 0; i < rows.size(); i++) {
            batch.add(i, values(rows.get(i), null));
        }
        return batch.applyTo(table);
    }
}
