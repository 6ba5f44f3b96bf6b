package dev.backstop.helpdesk.sla.internal;

import dev.backstop.helpdesk.sla.CalendarRefused;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Admins change an SLA policy's targets, names and calendar, or retire it. A change never rewrites the policy a
 * ticket started under: it retires the old row and adds a new one at the same position with the same criteria
 * (tickets keep counting by the old targets, new tickets get the new ones). The catch-all default (no criteria) can
 * be changed but never retired, so every ticket always finds a policy.
 */
@Service
class PolicyAdmin {

    static final int MAX_MINUTES = 60 * 24 * 90;

    /** What an admin may change; {@code updateMinutes} null = no update target; {@code active} false retires it. */
    record PolicyChange(
            String name,
            String nameEn,
            String calendar,
            Integer firstResponseMinutes,
            Integer updateMinutes,
            Integer resolutionMinutes,
            Integer atRiskPercent,
            Boolean active) {}

    private final JdbcTemplate jdbc;
    private final JdbcSlaPolicies policies;
    private final CalendarAdmin calendars;

    PolicyAdmin(JdbcTemplate jdbc, JdbcSlaPolicies policies, CalendarAdmin calendars) {
        this.jdbc = jdbc;
        this.policies = policies;
        this.calendars = calendars;
    }

    @Transactional
    CalendarAdmin.PolicyRow change(long id, PolicyChange change) {
        CalendarAdmin.PolicyRow current = calendars.policies().stream()
                .filter(p -> p.id() == id && p.active())
                .findFirst()
                .orElseThrow(() -> new CalendarRefused(404, "sla.policy.error.notFound", String.valueOf(id)));
        boolean catchAll = current.desk() == null
                && current.ticketType() == null
                && current.priority() == null
                && current.segment() == null;
        if (Boolean.FALSE.equals(change.active())) {
            if (catchAll) {
                throw new CalendarRefused(400, "sla.policy.error.defaultStays", current.name());
            }
            jdbc.update("update sla_policies set active = false where id = ?", id);
            policies.invalidate();
            return row(id);
        }
        String name = text(change.name(), current.name());
        String nameEn = change.nameEn() == null
                ? current.nameEn()
                : change.nameEn().isBlank() ? null : change.nameEn().strip();
        if (name.length() > 100 || (nameEn != null && nameEn.length() > 100)) {
            throw new CalendarRefused(400, "sla.policy.error.nameTooLong", 100);
        }
        String calendar = text(change.calendar(), current.calendar());
        Long calendarId =
                jdbc.queryForList("select id from business_calendars where code = ?", Long.class, calendar).stream()
                        .findFirst()
                        .orElseThrow(() -> new CalendarRefused(400, "sla.error.noSuchCalendar", calendar));
        int first = minutes(change.firstResponseMinutes(), current.firstResponseMinutes(), "firstResponse");
        int resolution = minutes(change.resolutionMinutes(), current.resolutionMinutes(), "resolution");
        Integer update = change.updateMinutes() == null
                ? current.updateMinutes()
                : change.updateMinutes() == 0 ? null : minutes(change.updateMinutes(), null, "update");
        if (first > resolution) {
            throw new CalendarRefused(400, "sla.policy.error.firstAfterResolution", first, resolution);
        }
        int atRisk = change.atRiskPercent() == null ? current.atRiskPercent() : change.atRiskPercent();
        if (atRisk < 1 || atRisk > 99) {
            throw new CalendarRefused(400, "sla.policy.error.atRisk", String.valueOf(atRisk));
        }
        jdbc.update("update sla_policies set active = false where id = ?", id);
        jdbc.update(
                """
                insert into sla_policies (position, name, name_en, desk, ticket_type, priority, segment, calendar_id,
                                          first_response_minutes, update_minutes, resolution_minutes, at_risk_percent, active,
                                          topic)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, true, (select p.topic from sla_policies p where p.id = ?))""",
                current.position(),
                name,
                nameEn,
                current.desk(),
                current.ticketType(),
                current.priority(),
                current.segment(),
                calendarId,
                first,
                update,
                resolution,
                atRisk,
                id);
        policies.invalidate();
        return calendars.policies().stream()
                .filter(p -> p.active()
                        && p.position() == current.position()
                        && p.name().equals(name))
                .reduce((a, b) -> b)
                .orElseThrow();
    }

    List<CalendarAdmin.CalendarRow> calendars() {
        return calendars.calendars();
    }

    private CalendarAdmin.PolicyRow row(long id) {
        return calendars.policies().stream()
                .filter(p -> p.id() == id)
                .findFirst()
                .orElseThrow();
    }

    private static String text(String given, String current) {
        return given == null || given.isBlank() ? current : given.strip();
    }

    private static int minutes(Integer given, Integer current, String field) {
        int value = given == null ? current : given;
        if (value < 1 || value > MAX_MINUTES) {
            throw new CalendarRefused(400, "sla.policy.error.minutes." + field, String.valueOf(value), MAX_MINUTES);
        }
        return value;
    }
}
