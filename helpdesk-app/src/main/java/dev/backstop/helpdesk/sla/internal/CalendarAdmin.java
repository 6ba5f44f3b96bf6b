package dev.backstop.helpdesk.sla.internal;

import dev.backstop.helpdesk.sla.BusinessCalendar.DayKind;
import dev.backstop.helpdesk.sla.CalendarRefused;
import java.sql.Date;
import java.sql.Time;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What an admin edits: a calendar's weekly hours and its dated days (public holidays and make-up working days).
 * Due times already computed stay as they are; tickets opened or resumed after the edit count in the new calendar.
 */
@Service
class CalendarAdmin {

    record CalendarRow(
            long id,
            String code,
            String name,
            String nameEn,
            String zoneId,
            boolean alwaysOpen,
            List<HoursRow> hours) {}

    record HoursRow(DayOfWeek dayOfWeek, LocalTime opens, LocalTime closes) {}

    record DayRow(LocalDate date, DayKind kind, String name) {}

    record PolicyRow(
            long id,
            int position,
            String name,
            String nameEn,
            String desk,
            String ticketType,
            String priority,
            String segment,
            String calendar,
            int firstResponseMinutes,
            Integer updateMinutes,
            int resolutionMinutes,
            int atRiskPercent,
            boolean active) {}

    private final JdbcTemplate jdbc;
    private final JdbcSlaPolicies policies;

    CalendarAdmin(JdbcTemplate jdbc, JdbcSlaPolicies policies) {
        this.jdbc = jdbc;
        this.policies = policies;
    }

    @Transactional(readOnly = true)
    List<CalendarRow> calendars() {
        return jdbc.query(
                "select id, code, name, name_en, zone_id, always_open from business_calendars order by id",
                (rs, i) -> new CalendarRow(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getBoolean(6),
                        hours(rs.getLong(1))));
    }

    @Transactional(readOnly = true)
    List<DayRow> days(String code, int year) {
        return jdbc.query(
                """
                select calendar_date, kind, name from calendar_days
                 where calendar_id = ? and calendar_date between ? and ? order by calendar_date""",
                (rs, i) -> new DayRow(rs.getDate(1).toLocalDate(), DayKind.valueOf(rs.getString(2)), rs.getString(3)),
                id(code),
                Date.valueOf(LocalDate.of(year, 1, 1)),
                Date.valueOf(LocalDate.of(year, 12, 31)));
    }

    @Transactional
    DayRow setDay(String code, LocalDate date, DayKind kind, String name) {
        long id = id(code);
        jdbc.update("delete from calendar_days where calendar_id = ? and calendar_date = ?", id, Date.valueOf(date));
        jdbc.update(
                "insert into calendar_days (calendar_id, calendar_date, kind, name) values (?, ?, ?, ?)",
                id,
                Date.valueOf(date),
                kind.name(),
                name == null || name.isBlank() ? null : name.strip());
        policies.invalidate();
        return new DayRow(date, kind, name);
    }

    @Transactional
    void removeDay(String code, LocalDate date) {
        if (jdbc.update(
                        "delete from calendar_days where calendar_id = ? and calendar_date = ?",
                        id(code),
                        Date.valueOf(date))
                == 0) {
            throw new CalendarRefused(404, "sla.error.noSuchDay", code, date);
        }
        policies.invalidate();
    }

    static final int MAX_HOURS_ROWS = 28;

    @Transactional
    List<HoursRow> setHours(String code, List<HoursRow> hours) {
        long id = id(code);
        if (hours.size() > MAX_HOURS_ROWS) { // a client-grown list: at most a few spans a day
            throw new CalendarRefused(400, "sla.error.tooManyHours", hours.size(), MAX_HOURS_ROWS);
        }
        for (HoursRow row : hours) {
            if (row.dayOfWeek() == null
                    || row.opens() == null
                    || row.closes() == null
                    || !row.closes().equals(LocalTime.MIDNIGHT) && !row.closes().isAfter(row.opens())) {
                throw new CalendarRefused(400, "sla.error.badHours", row.dayOfWeek(), row.opens(), row.closes());
            }
        }
        if (hours.isEmpty()
                && !Boolean.TRUE.equals(jdbc.queryForObject(
                        "select always_open from business_calendars where id = ?", Boolean.class, id))) {
            throw new CalendarRefused(400, "sla.error.noHours", code);
        }
        jdbc.update("delete from calendar_hours where calendar_id = ?", id);
        for (HoursRow row : hours) {
            jdbc.update(
                    "insert into calendar_hours (calendar_id, day_of_week, opens, closes) values (?, ?, ?, ?)",
                    id,
                    row.dayOfWeek().getValue(),
                    Time.valueOf(row.opens()),
                    Time.valueOf(row.closes()));
        }
        policies.invalidate();
        return hours(id);
    }

    @Transactional(readOnly = true)
    List<PolicyRow> policies() {
        return jdbc.query(
                """
                select p.id, p.position, p.name, p.name_en, p.desk, p.ticket_type, p.priority, p.segment, c.code,
                       p.first_response_minutes, p.update_minutes, p.resolution_minutes, p.at_risk_percent, p.active
                  from sla_policies p join business_calendars c on c.id = p.calendar_id order by p.position, p.id""",
                (rs, i) -> new PolicyRow(
                        rs.getLong(1),
                        rs.getInt(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getString(8),
                        rs.getString(9),
                        rs.getInt(10),
                        (Integer) rs.getObject(11),
                        rs.getInt(12),
                        rs.getInt(13),
                        rs.getBoolean(14)));
    }

    private List<HoursRow> hours(long calendarId) {
        return jdbc.query(
                "select day_of_week, opens, closes from calendar_hours where calendar_id = ? order by day_of_week, opens",
                (rs, i) -> new HoursRow(
                        DayOfWeek.of(rs.getInt(1)),
                        rs.getTime(2).toLocalTime(),
                        rs.getTime(3).toLocalTime()),
                calendarId);
    }

    private long id(String code) {
        return jdbc.queryForList("select id from business_calendars where code = ?", Long.class, code).stream()
                .findFirst()
                .orElseThrow(() -> new CalendarRefused(404, "sla.error.noSuchCalendar", code));
    }
}
