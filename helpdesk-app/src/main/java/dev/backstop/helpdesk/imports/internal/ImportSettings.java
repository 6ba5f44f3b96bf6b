package dev.backstop.helpdesk.imports.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Import settings ({@code backstop.imports.*}).
 *
 * @param uploadDir   where uploaded files are kept while their jobs live
 * @param dropDir     one folder per source under it; files appear there and move to done/ or failed/
 * @param batchSize   records per committed transaction (the checkpoint granularity)
 * @param lease       how long a running job's claim lasts without a committed batch; after that another node
 *                    (or this one after a restart) resumes it
 * @param settleTime  a dropped file is picked up only when unchanged for this long (it may still be copied)
 * @param uploadRetention how long an uploaded file is kept after its job (and every job reading it) finished; the
 *                    job row, with the file's SHA-256 and the counts, stays as the audit record
 * @param snapshotAgeCache how long {@link dev.backstop.helpdesk.imports.ImportHistory#lastApplied} keeps an answer (a
 *                    snapshot's age, asked on every ERP/WMS lookup); an import finished on this node clears it at once,
 *                    one finished on another node shows after at most this long ({@code 0s}: not kept)
 * @param postgresCopy on PostgreSQL, upsert each batch by COPY into a staging table and one set-based statement
 *                    (ADR 0013); off by default: it measured slower than the portable path for the 1M-row benchmark
 */
@ConfigurationProperties("backstop.imports")
public record ImportSettings(
        Path uploadDir,
        Path dropDir,
        @DefaultValue("500") int batchSize,
        @DefaultValue("100MB") DataSize maxFileSize,
        @DefaultValue("2000000") long maxRows,
        @DefaultValue("2m") Duration lease,
        @DefaultValue("1") int workers,
        @DefaultValue("10s") Duration settleTime,
        @DefaultValue("NULL") List<String> nullMarkers,
        @DefaultValue("10") int previewRows,
        @DefaultValue("30d") Duration uploadRetention,
        @DefaultValue("5s") Duration snapshotAgeCache,
        @DefaultValue("false") boolean postgresCopy) {}
