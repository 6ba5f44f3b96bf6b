package dev.backstop.helpdesk.imports;

import dev.backstop.helpdesk.identity.Role;
import dev.backstop.imports.RecordSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Everything the imports module needs to know about one kind of import, as one value: its code, its title, the fields
 * with their Chinese and English headers and the natural key ({@link RecordSchema}), who may import it, which fields
 * are sensitive and who may read them, and the rows of its template. A data-owning module declares it once:
 * <pre>{@code
 * ImportKind.of("stock", "wms.import.stock", SCHEMA)
 *         .sample("上海一号仓", "SKU-1001", "Chai 红茶", "1,250", "200")
 *         .build()
 * }</pre>
 * and hands it to {@link DeclaredImport}, which answers the {@link ImportTarget} questions from it; the target then
 * writes only its {@link ImportTarget#upsert upsert}.
 */
public record ImportKind(
        String kind,
        String titleKey,
        RecordSchema schema,
        Set<Role> importers,
        Set<String> sensitiveFields,
        Set<Role> sensitiveReaders,
        List<List<String>> sampleRows) {

    public ImportKind {
        Objects.requireNonNull(kind);
        Objects.requireNonNull(titleKey);
        Objects.requireNonNull(schema);
        importers = Set.copyOf(importers);
        sensitiveFields = Set.copyOf(sensitiveFields);
        sensitiveReaders = Set.copyOf(sensitiveReaders);
        sampleRows = sampleRows.stream().map(List::copyOf).toList();
    }

    /** A kind only ADMIN imports, with no sensitive fields and no template rows until {@link Builder#sample} adds them. */
    public static Builder of(String kind, String titleKey, RecordSchema schema) {
        return new Builder(kind, titleKey, schema);
    }

    public static final class Builder {

        private final String kind;
        private final String titleKey;
        private final RecordSchema schema;
        private Set<Role> importers = Set.of(Role.ADMIN);
        private Set<String> sensitiveFields = Set.of();
        private Set<Role> sensitiveReaders = Set.of(Role.ADMIN, Role.HR_PAYROLL);
        private final List<List<String>> sampleRows = new ArrayList<>();

        private Builder(String kind, String titleKey, RecordSchema schema) {
            this.kind = kind;
            this.titleKey = titleKey;
            this.schema = schema;
        }

        /** Who may import this kind (ADMIN always may); ADMIN alone when not given. */
        public Builder importers(Role... roles) {
            this.importers = Set.of(roles);
            return this;
        }

        /** Fields whose values only the {@link #sensitiveReaders} see in previews and error reports. */
        public Builder sensitive(String... fields) {
            this.sensitiveFields = Set.of(fields);
            return this;
        }

        /** Who may see sensitive fields; ADMIN and HR_PAYROLL when not given. */
        public Builder sensitiveReaders(Role... roles) {
            this.sensitiveReaders = Set.of(roles);
            return this;
        }

        /** One row of the downloadable template, in the order of the schema's fields. */
        public Builder sample(String... cells) {
            sampleRows.add(List.of(cells));
            return this;
        }

        public ImportKind build() {
            return new ImportKind(kind, titleKey, schema, importers, sensitiveFields, sensitiveReaders, sampleRows);
        }
    }
}
