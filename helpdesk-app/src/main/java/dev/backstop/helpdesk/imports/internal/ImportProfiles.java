package dev.backstop.helpdesk.imports.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Per-source mapping profiles: the headers one source (an ERP, a warehouse) writes, mapped to our fields. */
@Repository
public class ImportProfiles {

    /** A source's name: letters of any script (北方ERP), digits, and . _ - after the first. */
    static final Pattern SOURCE = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}_.-]{0,63}");

    private final JdbcTemplate jdbc;
    private final ImportTargets targets;
    private final Clock clock;

    ImportProfiles(JdbcTemplate jdbc, ImportTargets targets, Clock clock) {
        this.jdbc = jdbc;
        this.targets = targets;
        this.clock = clock;
    }

    public Map<String, String> of(String kind, String source) {
        Map<String, String> profile = new LinkedHashMap<>();
        if (source == null) {
            return profile;
        }
        jdbc.query(
                "select header, field from import_profiles where kind = ? and source = ? order by header",
                rs -> {
                    profile.put(rs.getString(1), rs.getString(2));
                },
                kind,
                source);
        return profile;
    }

    public List<String> sources(String kind) {
        return jdbc.queryForList(
                "select distinct source from import_profiles where kind = ? order by source", String.class, kind);
    }

    /**
     * Replaces the profile of one source for one kind: each header → a field of the kind, or
     * {@link dev.backstop.imports.RecordSchema#IGNORE} for a column to ignore. A blank header, a header without a field
     * or an unknown field is refused (400) before anything is saved.
     */
    @Transactional
    public void save(String kind, String source, Map<String, String> headerToField, String by) {
        checkSource(source);
        if (source == null || source.isBlank()) {
            throw ImportRefused.badSource(String.valueOf(source));
        }
        var target = targets.get(kind);
        headerToField.forEach((header, field) -> {
            if (header == null || header.isBlank() || header.strip().length() > 200) {
                throw ImportRefused.badHeader(header == null ? "" : header);
            }
            if (field == null || field.isBlank()) {
                throw ImportRefused.fieldMissing(header);
            }
            if (!dev.backstop.imports.RecordSchema.IGNORE.equals(field)
                    && target.schema().field(field).isEmpty()) {
                throw ImportRefused.unknownField(field);
            }
        });
        jdbc.update("delete from import_profiles where kind = ? and source = ?", kind, source);
        Timestamp now = Timestamp.from(clock.instant());
        headerToField.forEach((header, field) -> jdbc.update("""
                insert into import_profiles (kind, source, header, field, updated_by, updated_at) values (?, ?, ?, ?, ?, ?)""", kind, source, header.strip(), field, by, now));
    }

    static String checkSource(String source) {
        if (source != null && !SOURCE.matcher(source).matches()) {
            throw ImportRefused.badSource(source);
        }
        return source;
    }
}
