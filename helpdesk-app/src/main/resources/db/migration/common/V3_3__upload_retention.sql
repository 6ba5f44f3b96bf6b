-- Uploaded files are removed after the retention period (backstop.imports.upload-retention); the job row stays as
-- the audit record (who, when, file name, SHA-256, counts) and notes when its file went.
alter table import_jobs add column file_removed_at timestamp with time zone;
