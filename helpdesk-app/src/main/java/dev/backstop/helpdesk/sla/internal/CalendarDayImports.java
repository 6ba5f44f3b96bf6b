package dev.backstop.helpdesk.sla.internal;

import dev.backstop.helpdesk.identity.Role;
import dev.backstop.helpdesk.imports.ImportTarget;
import dev.backstop.helpdesk.imports.RowOutcome;
import dev.backstop.helpdesk.imports.TableUpsert;
import dev.backstop.helpdesk.imports.UpsertBatch;
import dev.backstop.imports.Field;
import dev.backstop.imports.FieldType;
import dev.backstop.imports.ParsedRow;
import dev.backstop.imports.RecordSchema;
import dev.backstop.imports.RowError;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Holiday calendars: the public holidays and make-up working days (调休) of a year, as the State Council publishes
 * them, one dated day per row, upserted by calendar and date. SLA clocks use them after the batch commits.
 */
@Component
class CalendarDayImports implements ImportTarget {

    static final Map<String, List<String>> KINDS = Map.of(
            "HOLIDAY", List.of("放假", "休息", "节假日", "假日", "Holiday", "Day off"),
            "WORKDAY", List.of("上班", "调休上班", "补班", "工作日", "Workday", "Make-up workday"));

    private static final RecordSchema SCHEMA = RecordSchema.builder()
            .field(Field.text("calendar", "日历代码", "Calendar", "calendar_code")
                    .required()
                    .maxLength(32))
            .field(Field.of("date", FieldType.DATE, "日期", "Date").required())
            .field(Field.choice("kind", KINDS, "类型", "Kind").required())
            .field(Field.text("name", "名称", "Name", "节日").maxLength(100))
            .key("calendar", "date")
            .build();

    private final JdbcTemplate jdbc;
    private final JdbcSlaPolicies policies;
    private final TableUpsert table;

    CalendarDayImports(JdbcTemplate jdbc, JdbcSlaPolicies policies) {
        this.jdbc = jdbc;
        this.policies = policies;
        this.table =
                TableUpsert.of(jdbc, "calendar_days", List.of("calendar_id", "calendar_date"), List.of("kind", "name"));
    }

    @Override
    public String kind() {
        return "holiday-calendars";
    }

    @Override
    public String titleKey() {
        return "sla.import.holidayCalendars";
    }

    @Override
    public RecordSchema schema() {
        return SCHEMA;
    }

    @Override
    public Set<Role> importers() {
        return Set.of(Role.ADMIN);
    }

    @Override
    public List<List<String>> sampleRows() {
        return List.of(
                List.of("OFFICE", "2026年10月1日", "放假", "国庆节"),
                List.of("OFFICE", "2026-10-08", "休息", "国庆节"),
                List.of("OFFICE", "2026/09/27", "上班", "国庆节调休"),
                List.of("CHANNEL", "20261001", "Holiday", "National Day"));
    }

    @Override
    public List<RowOutcome> upsert(List<ParsedRow> rows) {
        Map<String, Long> calendars = new HashMap<>();
        jdbc.query("select code, id from business_calendars", rs -> {
            calendars.put(rs.getString(1).toUpperCase(java.util.Locale.ROOT), rs.getLong(2));
        });
        UpsertBatch batch = new UpsertBatch(rows);
        for (int i = 0; i < rows.size(); i++) {
            ParsedRow row = rows.get(i);
            String code = row.text("calendar");
            Long calendar = calendars.get(code.strip().toUpperCase(java.util.Locale.ROOT));
            if (calendar == null) {
                batch.reject(
                        i,
                        new RowError(
                                row.line(),
                                "calendar",
                                code,
                                "sla.import.unknownCalendar",
                                List.of(
                                        code,
                                        String.join(
                                                ", ",
                                                calendars.keySet().stream()
                                                        .sorted()
                                                        .toList()))));
            } else {
                String name = row.text("name");
                batch.add(
                        i,
                        calendar,
                        row.date("date"),
                        row.text("kind"),
                        name == null || name.isBlank() ? null : name.strip());
            }
        }
        List<RowOutcome> outcomes = batch.applyTo(table);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            // the clocks' cached calendars are reloaded once the batch is visible to them
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    policies.invalidate();
                }
            });
        } else {
            policies.invalidate();
        }
        return outcomes;
    }
}
