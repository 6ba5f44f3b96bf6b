package dev.backstop.helpdesk.imports;

import dev.backstop.helpdesk.identity.Role;
import dev.backstop.imports.RecordSchema;
import java.util.List;
import java.util.Set;

/**
 * An {@link ImportTarget} described by one {@link ImportKind} value: a new kind is its description plus its
 * {@link #upsert}. Subclasses are beans of the module that owns the data.
 */
public abstract class DeclaredImport implements ImportTarget {

    private final ImportKind description;

    protected DeclaredImport(ImportKind description) {
        this.description = description;
    }

    /** The kind's description, as declared. */
    public final ImportKind description() {
        return description;
    }

    @Override
    public final String kind() {
        return description.kind();
    }

    @Override
    public final String titleKey() {
        return description.titleKey();
    }

    @Override
    public final RecordSchema schema() {
        return description.schema();
    }

    @Override
    public final Set<Role> importers() {
        return description.importers();
    }

    @Override
    public final Set<String> sensitiveFields() {
        return description.sensitiveFields();
    }

    @Override
    public final Set<Role> sensitiveReaders() {
        return description.sensitiveReaders();
    }

    @Override
    public final List<List<String>> sampleRows() {
        return description.sampleRows();
    }
}
