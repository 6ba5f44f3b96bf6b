/**
 * Import jobs: upload, dry run, apply, progress, audit, drop folders and error reports, for every kind
 * of data other modules own. A data-owning module contributes an {@link dev.backstop.helpdesk.imports.ImportTarget}
 * bean (kind, schema with header aliases, natural key, batch upsert); this module knows nothing of their tables.
 */
package dev.backstop.helpdesk.imports;
