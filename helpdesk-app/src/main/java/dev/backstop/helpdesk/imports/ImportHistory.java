package dev.backstop.helpdesk.imports;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/** When data last arrived through an import: the age a snapshot shows ("as of 10:32"). */
@Service
public class ImportHistory {

    private final JdbcTemplate jdbc;

    ImportHistory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** When the last applied (not dry-run) import of any of these kinds finished with rows done; null when never. */
    public Instant lastApplied(Collection<String> kinds) {
        if (kinds.isEmpty()) {
            return null;
        }
        String marks = String.join(", ", Collections.nCopies(kinds.size(), "?"));
        Timestamp last = jdbc.queryForObject("select max(finished_at) from import_jobs where mode = 'APPLY'"
                + " and state = 'DONE' and kind in (" + marks + ")", Timestamp.class, kinds.toArray());
        return last == null ? null : last.toInstant();
    }
}
