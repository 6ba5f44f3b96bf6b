package dev.backstop.helpdesk.imports.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The progress a job page shows: a bar that is full only for a job that read its whole file, and an honest time left. */
class ImportJobTests {

    static final Instant START = Instant.parse("2026-12-05T10:00:00Z");

    static ImportJob job(ImportJob.State state, long total, long done) {
        return new ImportJob(
                1,
                "orders",
                null,
                ImportJob.Mode.APPLY,
                ImportJob.Policy.SKIP_BAD_ROWS,
                state,
                "f.csv",
                "/x",
                "0",
                1,
                "UTF-8",
                total,
                done,
                done,
                0,
                0,
                0,
                null,
                null,
                null,
                "admin",
                START,
                START,
                null,
                1,
                null,
                false,
                null);
    }

    @Test
    void aFailedOrPartialJobsBarShowsHowFarItGotNotAFullBar() {
        assertThat(job(ImportJob.State.FAILED, 1000, 4).percent()).isZero();
        assertThat(job(ImportJob.State.PARTIAL, 1000, 500).percent()).isEqualTo(50);
        assertThat(job(ImportJob.State.DONE, 1000, 998).percent()).isEqualTo(100);
    }

    @Test
    void timeLeftIsTheRestAtTheRateSoFarAndNothingOnceTheJobEnded() {
        assertThat(job(ImportJob.State.RUNNING, 1000, 250).secondsLeft(START.plusSeconds(10)))
                .isEqualTo(30);
        assertThat(job(ImportJob.State.RUNNING, 1000, 250).secondsLeft(START.plusMillis(500)))
                .as("too early to tell")
                .isNull();
        assertThat(job(ImportJob.State.RUNNING, 1000, 0).secondsLeft(START.plusSeconds(10)))
                .isNull();
        assertThat(job(ImportJob.State.FAILED, 1000, 250).secondsLeft(START.plusSeconds(10)))
                .isNull();
    }
}
