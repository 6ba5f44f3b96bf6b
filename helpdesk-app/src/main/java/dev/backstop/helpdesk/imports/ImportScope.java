package dev.backstop.helpdesk.imports;

import dev.backstop.imports.ParsedRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * What the job runner tells every {@link TableUpsert} of the batch it applies (ADR: imports update only the columns a
 * file has): which fields the file has a column for, whether an empty cell clears the stored value (the job's option,
 * off by default), and where the changes of updated rows go (field, from, to). Outside a scope (a target called
 * directly) every column is written, as before.
 */
public final class ImportScope {

    private static final ThreadLocal<ImportScope> CURRENT = new ThreadLocal<>();

    private final Set<String> importFields;
    private final Set<String> fieldsInFile;
    private final boolean emptyClears;
    private final List<Change> changes = new ArrayList<>();

    /** One changed value of an updated row: the file line, the field (or column), the stored and the new value. */
    public record Change(long line, String field, Object before, Object after) {}

    /**
     * @param importFields every field of the import kind
     * @param fieldsInFile the fields the file has a column for
     * @param emptyClears  whether an empty cell clears the stored value (otherwise it keeps it)
     */
    public ImportScope(Set<String> importFields, Set<String> fieldsInFile, boolean emptyClears) {
        this.importFields = Set.copyOf(importFields);
        this.fieldsInFile = Set.copyOf(fieldsInFile);
        this.emptyClears = emptyClears;
    }

    /** Runs {@code work} (a target's upsert) with this scope on the current thread. */
    public <T> T run(Supplier<T> work) {
        ImportScope before = CURRENT.get();
        CURRENT.set(this);
        try {
            return work.get();
        } finally {
            CURRENT.set(before);
        }
    }

    /**
     * For a target that writes without {@link TableUpsert}: whether the row gives this field in the current job (always
     * true outside a job), so that an update keeps the stored value otherwise.
     */
    public static boolean gives(ParsedRow row, String field) {
        ImportScope scope = CURRENT.get();
        return scope == null || scope.provides(row, field);
    }

    static ImportScope current() {
        return CURRENT.get();
    }

    /**
     * Whether the row gives a value for this field: the file has its column, and the cell is not empty (or empty
     * cells clear). A field the row does not give keeps its stored value when the row updates a record.
     */
    public boolean provides(ParsedRow row, String field) {
        return fieldsInFile.contains(field) && (emptyClears || row.get(field) != null);
    }

    /** Whether these are all fields of the import (else the column is derived otherwise and always written). */
    boolean isImportField(java.util.Collection<String> fields) {
        return !fields.isEmpty() && importFields.containsAll(fields);
    }

    void changed(long line, String field, Object before, Object after) {
        changes.add(new Change(line, field, before, after));
    }

    /** The changes recorded since the last call, in the order the rows were applied. */
    public List<Change> takeChanges() {
        List<Change> taken = List.copyOf(changes);
        changes.clear();
        return taken;
    }
}
