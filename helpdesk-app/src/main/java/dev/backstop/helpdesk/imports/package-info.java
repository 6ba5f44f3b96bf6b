/**
 * Import jobs: upload, dry run, apply, progress, audit, drop folders and error reports, for every kind
 * of data other modules own. A data-owning module contributes an {@link dev.backstop.helpdesk.imports.ImportTarget}
 * bean (kind, schema with header aliases, natural key, batch upsert); this module knows nothing of their tables.
 * <p>
 * A new kind is one declaration: extend {@link dev.backstop.helpdesk.imports.DeclaredImport} with an
 * {@link dev.backstop.helpdesk.imports.ImportKind} (code, title key, schema, importers, sensitive fields, template rows)
 * and write {@code upsert} with {@link dev.backstop.helpdesk.imports.TableUpsert}; rows that name a record elsewhere
 * by its code go through {@link dev.backstop.helpdesk.imports.Reference#upsert}.
 */
package dev.backstop.helpdesk.imports;
