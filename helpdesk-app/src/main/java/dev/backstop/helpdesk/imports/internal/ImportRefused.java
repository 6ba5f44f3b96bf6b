package dev.backstop.helpdesk.imports.internal;

import dev.backstop.helpdesk.shared.BackstopException;

/** An import request that cannot be served: unknown kind, not allowed, no such job, bad upload. */
public final class ImportRefused extends BackstopException {

    private ImportRefused(int status, String code, Object... arguments) {
        super(status, code, arguments);
    }

    static ImportRefused fileRemoved(long dryRunId) {
        return new ImportRefused(409, "imports.error.fileRemoved", dryRunId);
    }

    static ImportRefused unknownKind(String kind) {
        return new ImportRefused(404, "imports.error.unknownKind", kind);
    }

    static ImportRefused notAllowed(String kind) {
        return new ImportRefused(403, "imports.error.notAllowed", kind);
    }

    static ImportRefused jobNotFound(long id) {
        return new ImportRefused(404, "imports.error.jobNotFound", id);
    }

    static ImportRefused emptyUpload() {
        return new ImportRefused(400, "imports.error.noFile");
    }

    static ImportRefused tooLarge(long limit) {
        return new ImportRefused(413, "imports.error.tooLarge", limit / (1024 * 1024));
    }

    static ImportRefused notAFinishedDryRun(long id) {
        return new ImportRefused(409, "imports.error.notAFinishedDryRun", id);
    }

    static ImportRefused unknownField(String field) {
        return new ImportRefused(400, "imports.error.unknownField", field);
    }

    static ImportRefused fieldMissing(String header) {
        return new ImportRefused(400, "imports.error.fieldMissing", header);
    }

    static ImportRefused badHeader(String header) {
        return new ImportRefused(
                400, "imports.error.badHeader", header.length() > 60 ? header.substring(0, 60) : header);
    }

    static ImportRefused unknownEncoding(String encoding) {
        return new ImportRefused(400, "imports.error.unknownEncoding", encoding);
    }

    static ImportRefused badSource(String source) {
        return new ImportRefused(400, "imports.error.badSource", source);
    }
}
