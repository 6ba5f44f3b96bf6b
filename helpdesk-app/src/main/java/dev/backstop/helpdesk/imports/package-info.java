/**
 * Import jobs: upload, dry run, apply, progress, audit, drop folders and error reports, for every kind
 * of data other modules own. A data-owning module contributes an {@link dev.backstop.helpdesk.imports.ImportTarget}
 * bean (kind, schema with header aliases, natural key, batch upsert); this module knows nothing of their tables.
 * <p>
 * A new kind is one declaration: extend {@link dev.backstop.helpdesk.imports.DeclaredImport} with an
 * {@link dev.backstop.helpdesk.imports.ImportKind} (code, title key, schema, importers, sensitive fields, template rows)
 * and write {@code upsert} with {@link dev.backstop.helpdesk.imports.TableUpsert}; rows that name a record elsewhere
 * by its code go through {@link dev.backstop.helpdesk.imports.Reference#upsert}.
 *
 * <h2>Import a file</h2>
 * Upload &rarr; {@code import_jobs} row (QUEUED, file stored with its SHA-256) &rarr; {@code ImportWorker} claims it
 * (lease) &rarr; {@code ImportRunner} reads it with the {@code imports} library, validates each record against the
 * kind's {@code RecordSchema}, hands valid rows in batches to the kind's {@code ImportTarget.upsert} and commits each
 * batch with its problems and the checkpoint (ADR 0007). An update writes only the columns the file has (an empty
 * cell keeps the stored value unless the job's {@code emptyClears} option says otherwise); what changed is kept per
 * field in {@code import_changes}; a dry run rolls back batch by batch; a file that breaks off ends PARTIAL or
 * FAILED, never DONE (ADR 0017). Drop folders {@code
 * $&#123;backstop.data-dir&#125;/imports/&lt;source&gt;/&lt;kind&gt;*.csv} are scanned on a schedule and queued the
 * same way.
 *
 * <h2>Upload retention</h2>
 * {@code UploadRetention} (imports, ShedLock) removes an uploaded file when every job reading it finished more than
 * {@code upload-retention} ago, only under the upload directory, and stamps {@code file_removed_at}.
 */
package dev.backstop.helpdesk.imports;
