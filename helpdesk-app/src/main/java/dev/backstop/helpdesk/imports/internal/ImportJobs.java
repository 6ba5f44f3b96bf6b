package dev.backstop.helpdesk.imports.internal;

import dev.backstop.imports.RowError;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The {@code import_jobs} and {@code import_problems} tables.
 *
 * <p>A little over 300 lines on purpose: a job's row, its problems and its changes are written together by the runner
 * and read together by the pages; each method is one statement, the row mappers at the end.
 */
@Repository
public class ImportJobs {

    static final String SEPARATOR = "\u001f";
    private static final String COLUMNS = """
            id, kind, source, mode, policy, state, file_name, stored_path, sha256, size_bytes, charset, total_rows,
            records_done, inserted, updated, unchanged, rejected, error_code, dry_run_of, requested_by, requested_name,
            created_at, started_at, finished_at, attempts, file_removed_at, empty_clears, stated_charset""";

    private final JdbcTemplate jdbc;
    private final Clock clock;

    ImportJobs(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    record NewJob(
            String kind,
            String source,
            ImportJob.Mode mode,
            ImportJob.Policy policy,
            String fileName,
            String storedPath,
            String sha256,
            long sizeBytes,
            Long dryRunOf,
            Long requestedBy,
            String requestedName,
            boolean emptyClears,
            String statedCharset) {

        NewJob(
                String kind,
                String source,
                ImportJob.Mode mode,
                ImportJob.Policy policy,
                String fileName,
                String storedPath,
                String sha256,
                long sizeBytes,
                Long dryRunOf,
                Long requestedBy,
                String requestedName) {
            this(
                    kind,
                    source,
                    mode,
                    policy,
                    fileName,
                    storedPath,
                    sha256,
                    sizeBytes,
                    dryRunOf,
                    requestedBy,
                    requestedName,
                    false,
                    null);
        }
    }

    long create(NewJob job) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.update(
                connection -> {
                    var ps = connection.prepareStatement("""
                    insert into import_jobs (kind, source, mode, policy, state, file_name, stored_path, sha256, size_bytes,
                        dry_run_of, requested_by, requested_name, created_at, empty_clears, stated_charset)
                    values (?, ?, ?, ?, 'QUEUED', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", new String[] {"id"});
                    ps.setString(1, job.kind());
                    ps.setString(2, job.source());
                    ps.setString(3, job.mode().name());
                    ps.setString(4, job.policy().name());
                    ps.setString(5, job.fileName());
                    ps.setString(6, job.storedPath());
                    ps.setString(7, job.sha256());
                    ps.setLong(8, job.sizeBytes());
                    ps.setObject(9, job.dryRunOf());
                    ps.setObject(10, job.requestedBy());
                    ps.setString(11, job.requestedName());
                    ps.setTimestamp(12, Timestamp.from(clock.instant()));
                    ps.setBoolean(13, job.emptyClears());
                    ps.setString(14, job.statedCharset());
                    return ps;
                },
                keys);
        return keys.getKey().longValue();
    }

    Optional<ImportJob> find(long id) {
        return jdbc.query("select " + COLUMNS + " from import_jobs where id = ?", ImportJobs::map, id).stream()
                .findFirst();
    }

    List<ImportJob> recent(int limit) {
        return jdbc.query(
                "select " + COLUMNS + " from import_jobs order by id desc fetch first " + limit + " rows only",
                ImportJobs::map);
    }

    /** Jobs a worker may take: queued, or running with an expired lease (their node died). */
    List<Long> claimable() {
        return jdbc.queryForList("""
                select id from import_jobs where state = 'QUEUED' or (state = 'RUNNING' and lease_until < ?) order by id""", Long.class, Timestamp.from(clock.instant()));
    }

    /** Takes the job for this worker; false when another worker was faster. */
    boolean claim(long id, java.time.Duration lease) {
        Instant now = clock.instant();
        return jdbc.update("""
                update import_jobs set state = 'RUNNING', lease_until = ?, started_at = coalesce(started_at, ?),
                    attempts = attempts + 1
                where id = ? and (state = 'QUEUED' or (state = 'RUNNING' and lease_until < ?))""", Timestamp.from(now.plus(lease)), Timestamp.from(now), id, Timestamp.from(now)) == 1;
    }

    /** Starts (or restarts) counting from record 0: for a fresh job, a dry run or an all-or-nothing run. */
    void restart(long id, String charset, long totalRows, List<RowError> fileProblems) {
        jdbc.update("delete from import_problems where job_id = ?", id);
        jdbc.update("delete from import_changes where job_id = ?", id);
        jdbc.update("""
                update import_jobs set records_done = 0, inserted = 0, updated = 0, unchanged = 0, rejected = 0,
                    charset = ?, total_rows = ? where id = ?""", charset, totalRows, id);
        addProblems(id, fileProblems, List.of());
    }

    /** Resumes after the checkpoint: header problems are written again, row problems after it are dropped. */
    void resume(long id, long recordsDone, List<RowError> fileProblems) {
        jdbc.update("delete from import_problems where job_id = ? and line <= 1", id);
        addProblems(id, fileProblems, List.of());
    }

    /** Adds a committed batch to the counts and moves the checkpoint, renewing the lease. */
    void advance(long id, long records, long[] counts, java.time.Duration lease) {
        jdbc.update(
                """
                update import_jobs set records_done = records_done + ?, inserted = inserted + ?, updated = updated + ?,
                    unchanged = unchanged + ?, rejected = rejected + ?, lease_until = ? where id = ?""",
                records,
                counts[0],
                counts[1],
                counts[2],
                counts[3],
                Timestamp.from(clock.instant().plus(lease)),
                id);
    }

    void finish(long id, ImportJob.State state, String errorCode) {
        jdbc.update(
                "update import_jobs set state = ?, error_code = ?, finished_at = ?, lease_until = null where id = ?",
                state.name(),
                errorCode,
                Timestamp.from(clock.instant()),
                id);
    }

    void movedTo(long id, String storedPath) {
        jdbc.update("update import_jobs set stored_path = ? where id = ?", storedPath, id);
    }

    void addProblems(long id, List<RowError> problems, List<String> rawRows) {
        if (problems.isEmpty()) {
            return;
        }
        jdbc.batchUpdate(
                """
                insert into import_problems (job_id, line, column_name, cell_value, code, arguments, raw_row)
                values (?, ?, ?, ?, ?, ?, ?)""",
                java.util.stream.IntStream.range(0, problems.size())
                        .mapToObj(i -> {
                            RowError p = problems.get(i);
                            return new Object[] {
                                id,
                                p.line(),
                                clip(p.column(), 200),
                                clip(p.value(), 1000),
                                p.code(),
                                clip(String.join(SEPARATOR, p.arguments()), 2000),
                                i < rawRows.size() ? rawRows.get(i) : null
                            };
                        })
                        .toList());
    }

    /** The changes of a batch's updated rows (values as text, clipped like problems). */
    void addChanges(long id, List<dev.backstop.helpdesk.imports.ImportScope.Change> changes) {
        if (changes.isEmpty()) {
            return;
        }
        jdbc.batchUpdate(
                "insert into import_changes (job_id, line, field, old_value, new_value) values (?, ?, ?, ?, ?)",
                changes.stream()
                        .map(c -> new Object[] {
                            id, c.line(), clip(c.field(), 64), clip(text(c.before()), 1000), clip(text(c.after()), 1000)
                        })
                        .toList());
    }

    record StoredChange(long line, String field, String before, String after) {}

    List<StoredChange> changes(long id, int limit) {
        return jdbc.query(
                """
                select line, field, old_value, new_value from import_changes where job_id = ? order by line, id
                fetch first %d rows only""".formatted(limit),
                (rs, n) -> new StoredChange(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)),
                id);
    }

    long changeCount(long id) {
        return jdbc.queryForObject("select count(*) from import_changes where job_id = ?", Long.class, id);
    }

    void eachChange(long id, java.util.function.Consumer<StoredChange> consumer) {
        jdbc.query(
                "select line, field, old_value, new_value from import_changes where job_id = ? order by line, id",
                rs -> {
                    consumer.accept(new StoredChange(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)));
                },
                id);
    }

    private static String text(Object value) {
        return switch (value) {
            case null -> null;
            case java.math.BigDecimal d -> d.toPlainString();
            default -> value.toString();
        };
    }

    record StoredProblem(long line, String column, String value, String code, List<String> arguments, String rawRow) {}

    List<StoredProblem> problems(long id, int limit) {
        return jdbc.query("""
                select line, column_name, cell_value, code, arguments, raw_row from import_problems where job_id = ?
                order by line, id fetch first %d rows only""".formatted(limit), ImportJobs::mapProblem, id);
    }

    void eachProblem(long id, java.util.function.Consumer<StoredProblem> consumer) {
        jdbc.query(
                """
                select line, column_name, cell_value, code, arguments, raw_row from import_problems where job_id = ?
                order by line, id""",
                rs -> {
                    consumer.accept(mapProblem(rs, 0));
                },
                id);
    }

    long problemCount(long id) {
        return jdbc.queryForObject("select count(*) from import_problems where job_id = ?", Long.class, id);
    }

    private static StoredProblem mapProblem(ResultSet rs, int row) throws SQLException {
        String arguments = rs.getString(5);
        return new StoredProblem(
                rs.getLong(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                arguments == null || arguments.isEmpty() ? List.of() : List.of(arguments.split(SEPARATOR, -1)),
                rs.getString(6));
    }

    private static String clip(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }

    private static ImportJob map(ResultSet rs, int row) throws SQLException {
        return new ImportJob(
                rs.getLong("id"),
                rs.getString("kind"),
                rs.getString("source"),
                ImportJob.Mode.valueOf(rs.getString("mode")),
                ImportJob.Policy.valueOf(rs.getString("policy")),
                ImportJob.State.valueOf(rs.getString("state")),
                rs.getString("file_name"),
                rs.getString("stored_path"),
                rs.getString("sha256"),
                rs.getLong("size_bytes"),
                rs.getString("charset"),
                rs.getLong("total_rows"),
                rs.getLong("records_done"),
                rs.getLong("inserted"),
                rs.getLong("updated"),
                rs.getLong("unchanged"),
                rs.getLong("rejected"),
                rs.getString("error_code"),
                (Long) rs.getObject("dry_run_of", Long.class),
                (Long) rs.getObject("requested_by", Long.class),
                rs.getString("requested_name"),
                instant(rs, "created_at"),
                instant(rs, "started_at"),
                instant(rs, "finished_at"),
                rs.getInt("attempts"),
                instant(rs, "file_removed_at"),
                rs.getBoolean("empty_clears"),
                rs.getString("stated_charset"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }
}
