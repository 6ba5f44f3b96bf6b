package dev.backstop.helpdesk.sla.internal;

import dev.backstop.helpdesk.sla.BusinessCalendar;
import dev.backstop.helpdesk.sla.SlaPolicies;
import dev.backstop.helpdesk.sla.SlaSubject;
import dev.backstop.helpdesk.sla.SlaTargets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Policies and calendars read from the database and kept in memory; {@link #invalidate()} after an edit.
 * (Each app node reads its own copy; an edit on one node reaches the others within {@code refresh}.)
 */
@Service
class JdbcSlaPolicies implements SlaPolicies {

    record Policy(
            boolean active,
            long id,
            String name,
            String nameEn,
            String desk,
            String type,
            String priority,
            String segment,
            String topic,
            long calendarId,
            int firstResponse,
            Integer update,
            int resolution,
            int atRiskPercent) {

        boolean matches(SlaSubject subject) {
            return (desk == null || desk.equals(subject.desk()))
                    && (type == null || type.equals(subject.type()))
                    && (priority == null || priority.equals(subject.priority()))
                    && (segment == null || segment.equals(subject.segment()))
                    && (topic == null || topic.equals(subject.topic()));
        }

        SlaTargets targets() {
            return new SlaTargets(
                    id,
                    name,
                    nameEn,
                    calendarId,
                    Duration.ofMinutes(firstResponse),
                    update == null ? null : Duration.ofMinutes(update),
                    Duration.ofMinutes(resolution),
                    atRiskPercent);
        }
    }

    private final JdbcTemplate jdbc;
    /** How long this node trusts its copy: an admin's edit on another node shows here within this time. */
    static final Duration REFRESH = Duration.ofSeconds(60);

    private final AtomicReference<List<Policy>> policies = new AtomicReference<>();
    private volatile long loadedAtNanos = System.nanoTime();
    private final Map<Long, BusinessCalendar> calendars = new ConcurrentHashMap<>();

    JdbcSlaPolicies(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public SlaTargets targetsFor(SlaSubject subject) {
        return policies().stream()
                .filter(p -> p.active() && p.matches(subject))
                .findFirst()
                .map(Policy::targets)
                .orElseThrow(() -> new IllegalStateException(
                        "no SLA policy matches " + subject + " and there is no default policy"));
    }

    @Override
    public SlaTargets targets(long policyId) {
        return policies().stream()
                .filter(p -> p.id() == policyId)
                .findFirst()
                .map(Policy::targets)
                .orElseThrow(() -> new IllegalStateException("no SLA policy " + policyId));
    }

    @Override
    public BusinessCalendar calendar(String code) {
        Long id = jdbc.queryForList("select id from business_calendars where code = ?", Long.class, code).stream()
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no business calendar " + code));
        return calendar(id);
    }

    @Override
    public BusinessCalendar calendar(long calendarId) {
        if (System.nanoTime() - loadedAtNanos > REFRESH.toNanos()) {
            invalidate();
        }
        return calendars.computeIfAbsent(calendarId, this::loadCalendar);
    }

    void invalidate() {
        policies.set(null);
        calendars.clear();
        loadedAtNanos = System.nanoTime();
    }

    List<Policy> policies() {
        if (System.nanoTime() - loadedAtNanos > REFRESH.toNanos()) {
            invalidate();
        }
        List<Policy> current = policies.get();
        if (current == null) {
            current = jdbc.query(
                    """
                    select active, id, name, name_en, desk, ticket_type, priority, segment, topic, calendar_id, first_response_minutes,
                           update_minutes, resolution_minutes, at_risk_percent
                      from sla_policies order by position, id""",
                    (rs, i) -> new Policy(
                            rs.getBoolean(1),
                            rs.getLong(2),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getString(5),
                            rs.getString(6),
                            rs.getString(7),
                            rs.getString(8),
                            rs.getString(9),
                            rs.getLong(10),
                            rs.getInt(11),
                            (Integer) rs.getObject(12),
                            rs.getInt(13),
                            rs.getInt(14)));
            policies.set(current);
        }
        return current;
    }

    private BusinessCalendar loadCalendar(long id) {
        var row = jdbc.queryForMap("select zone_id, always_open from business_calendars where id = ?", id);
        ZoneId zone = ZoneId.of((String) row.get("zone_id"));
        if (Boolean.TRUE.equals(row.get("always_open"))) {
            return BusinessCalendar.alwaysOpen(zone);
        }
        BusinessCalendar.Builder builder = BusinessCalendar.in(zone);
        jdbc.query(
                "select day_of_week, opens, closes from calendar_hours where calendar_id = ?",
                rs -> {
                    builder.open(
                            DayOfWeek.of(rs.getInt(1)),
                            rs.getTime(2).toLocalTime(),
                            rs.getTime(3).toLocalTime());
                },
                id);
        jdbc.query(
                "select calendar_date, kind from calendar_days where calendar_id = ?",
                rs -> {
                    builder.day(rs.getDate(1).toLocalDate(), BusinessCalendar.DayKind.valueOf(rs.getString(2)));
                },
                id);
        return builder.build();
    }
}
