package dev.backstop.helpdesk.imports;

import dev.backstop.helpdesk.identity.Role;
import dev.backstop.imports.ParsedRow;
import dev.backstop.imports.RecordSchema;
import java.util.List;
import java.util.Set;

/**
 * One kind of import, contributed as a bean by the module that owns the data (SPI). The imports module
 * reads, validates, batches, checkpoints and audits; the target only upserts a batch of valid rows by
 * their natural key, inside the transaction it is called in, and says per row what happened.
 */
public interface ImportTarget {

    /** The kind's code in URLs and file names: {@code orders}, {@code employees} … (lower case, hyphens). */
    String kind();

    /** Message key of the kind's name, e.g. {@code erp.import.orders}. */
    String titleKey();

    /** Fields with their Chinese and English headers (first alias Chinese, second English) and the natural key. */
    RecordSchema schema();

    /** Who may import this kind (ADMIN always may). */
    Set<Role> importers();

    /** Fields whose values only {@link #sensitiveReaders()} may see in previews and error reports. */
    default Set<String> sensitiveFields() {
        return Set.of();
    }

    default Set<Role> sensitiveReaders() {
        return Set.of(Role.ADMIN, Role.HR_PAYROLL);
    }

    /** Rows for the downloadable template, in the order of {@link RecordSchema#fields()}. */
    List<List<String>> sampleRows();

    /**
     * Upserts valid rows by natural key in the caller's transaction. Returns one outcome per row, in order:
     * inserted, updated, unchanged, or rejected with a problem (e.g. an unknown distributor code). Applying
     * the same rows again must report them all unchanged.
     */
    List<RowOutcome> upsert(List<ParsedRow> rows);
}
