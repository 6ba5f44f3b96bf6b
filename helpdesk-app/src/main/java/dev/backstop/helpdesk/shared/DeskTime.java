package dev.backstop.helpdesk.shared;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The desk's one time zone ({@code backstop.desk.time-zone}, default {@code Asia/Shanghai}): every page, e-mail,
 * message and export shows times in it, and "today" and "this year" are the desk's. Times are stored as instants
 * (UTC); only showing them goes through here. Business calendars keep their own zone for counting SLA time.
 */
@Component
public class DeskTime {

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");

    private final ZoneId zone;
    private final Clock clock;

    public DeskTime(@Value("${backstop.desk.time-zone:Asia/Shanghai}") ZoneId zone, Clock clock) {
        this.zone = zone;
        this.clock = clock;
    }

    public ZoneId zone() {
        return zone;
    }

    /** {@code 2026-12-05 20:38} in the desk's zone; empty for none. */
    public String minute(Instant instant) {
        return instant == null ? "" : MINUTE.format(instant.atZone(zone));
    }

    /** {@code 2026-12-05} in the desk's zone; empty for none. */
    public String day(Instant instant) {
        return instant == null ? "" : DAY.format(instant.atZone(zone));
    }

    public ZonedDateTime at(Instant instant) {
        return instant.atZone(zone);
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }
}
