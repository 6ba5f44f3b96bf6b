package dev.backstop.helpdesk.sla;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * When a desk works: opening hours per weekday in a time zone, public holidays, and the make-up working days
 * (调休) of the Chinese holiday schedule, or simply 24×7. Counts business time forward ({@link #plus}) and
 * between two instants ({@link #between}). Immutable; a make-up day on a weekend uses the hours of a normal
 * working day (the first weekday with hours, usually Monday).
 */
public final class BusinessCalendar {

    /** What a dated exception makes of its day. */
    public enum DayKind {
        HOLIDAY,
        WORKDAY
    }

    /** Opening hours within one day; {@code closes} of {@link LocalTime#MIDNIGHT} means "until the end of the day". */
    public record Hours(LocalTime opens, LocalTime closes) {
        public Hours {
            Objects.requireNonNull(opens);
            Objects.requireNonNull(closes);
            if (!closes.equals(LocalTime.MIDNIGHT) && !closes.isAfter(opens)) {
                throw new IllegalArgumentException("closes " + closes + " is not after opens " + opens);
            }
        }
    }

    private static final int SEARCH_DAYS = 3 * 366;

    private final ZoneId zone;
    private final boolean alwaysOpen;
    private final Map<DayOfWeek, List<Hours>> weekly;
    private final Map<LocalDate, DayKind> exceptions;
    private final List<Hours> workdayHours;

    private BusinessCalendar(
            ZoneId zone, boolean alwaysOpen, Map<DayOfWeek, List<Hours>> weekly, Map<LocalDate, DayKind> exceptions) {
        this.zone = zone;
        this.alwaysOpen = alwaysOpen;
        this.weekly = weekly;
        this.exceptions = exceptions;
        this.workdayHours =
                weekly.values().stream().filter(h -> !h.isEmpty()).findFirst().orElse(List.of());
        if (!alwaysOpen && workdayHours.isEmpty()) {
            throw new IllegalArgumentException(
                    "a calendar that is not 24x7 needs opening hours on at least one weekday");
        }
    }

    public static BusinessCalendar alwaysOpen(ZoneId zone) {
        return new BusinessCalendar(zone, true, new EnumMap<>(DayOfWeek.class), Map.of());
    }

    public static Builder in(ZoneId zone) {
        return new Builder(zone);
    }

    public ZoneId zone() {
        return zone;
    }

    public boolean isAlwaysOpen() {
        return alwaysOpen;
    }

    /** The opening hours on a date, after holidays and make-up days (empty: closed all day). */
    public List<Hours> hoursOn(LocalDate day) {
        if (alwaysOpen) {
            return List.of(new Hours(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT));
        }
        DayKind kind = exceptions.get(day);
        if (kind == DayKind.HOLIDAY) {
            return List.of();
        }
        List<Hours> usual = weekly.getOrDefault(day.getDayOfWeek(), List.of());
        return kind == DayKind.WORKDAY && usual.isEmpty() ? workdayHours : usual;
    }

    public boolean isOpen(Instant instant) {
        LocalDate day = LocalDate.ofInstant(instant, zone);
        for (Hours hours : hoursOn(day)) {
            if (!instant.isBefore(start(day, hours)) && instant.isBefore(end(day, hours))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The instant itself when the desk is open then, else the next opening: what may be promised to a requester.
     * A policy may count 24×7 internally, but "before 03:44 on Sunday" is not a promise a person can keep.
     */
    public Instant atOrNextOpening(Instant instant) {
        if (alwaysOpen || isOpen(instant)) {
            return instant;
        }
        LocalDate day = LocalDate.ofInstant(instant, zone);
        for (int i = 0; i < SEARCH_DAYS; i++, day = day.plusDays(1)) {
            for (Hours hours : hoursOn(day)) {
                Instant opens = start(day, hours);
                if (!opens.isBefore(instant)) {
                    return opens;
                }
            }
        }
        throw new IllegalStateException("no opening within " + SEARCH_DAYS + " days of " + instant);
    }

    /** The instant at which {@code amount} of business time, counted from {@code start}, has passed. */
    public Instant plus(Instant start, Duration amount) {
        if (amount.isNegative()) {
            throw new IllegalArgumentException("negative business time " + amount);
        }
        if (alwaysOpen || amount.isZero()) {
            return start.plus(amount);
        }
        Duration remaining = amount;
        LocalDate day = LocalDate.ofInstant(start, zone);
        for (int i = 0; i < SEARCH_DAYS; i++, day = day.plusDays(1)) {
            for (Hours hours : hoursOn(day)) {
                Instant from = later(start, start(day, hours));
                Instant to = end(day, hours);
                if (!from.isBefore(to)) {
                    continue;
                }
                Duration available = Duration.between(from, to);
                if (remaining.compareTo(available) <= 0) {
                    return from.plus(remaining);
                }
                remaining = remaining.minus(available);
            }
        }
        throw new IllegalStateException("no business time within " + SEARCH_DAYS + " days of " + start);
    }

    /** The business time between two instants (zero when {@code to} is not after {@code from}). */
    public Duration between(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        if (alwaysOpen) {
            return Duration.between(from, to);
        }
        Duration total = Duration.ZERO;
        LocalDate last = LocalDate.ofInstant(to, zone);
        for (LocalDate day = LocalDate.ofInstant(from, zone); !day.isAfter(last); day = day.plusDays(1)) {
            for (Hours hours : hoursOn(day)) {
                Instant a = later(from, start(day, hours));
                Instant b = earlier(to, end(day, hours));
                if (a.isBefore(b)) {
                    total = total.plus(Duration.between(a, b));
                }
            }
        }
        return total;
    }

    private Instant start(LocalDate day, Hours hours) {
        return day.atTime(hours.opens()).atZone(zone).toInstant();
    }

    private Instant end(LocalDate day, Hours hours) {
        return hours.closes().equals(LocalTime.MIDNIGHT)
                ? day.plusDays(1).atStartOfDay(zone).toInstant()
                : day.atTime(hours.closes()).atZone(zone).toInstant();
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    public static final class Builder {
        private final ZoneId zone;
        private final Map<DayOfWeek, List<Hours>> weekly = new EnumMap<>(DayOfWeek.class);
        private final Map<LocalDate, DayKind> exceptions = new TreeMap<>();

        private Builder(ZoneId zone) {
            this.zone = Objects.requireNonNull(zone);
        }

        public Builder open(DayOfWeek day, LocalTime opens, LocalTime closes) {
            weekly.computeIfAbsent(day, d -> new ArrayList<>()).add(new Hours(opens, closes));
            return this;
        }

        /** The same hours on every day from {@code first} to {@code last}, e.g. Monday to Friday. */
        public Builder open(DayOfWeek first, DayOfWeek last, LocalTime opens, LocalTime closes) {
            for (DayOfWeek day = first; ; day = day.plus(1)) {
                open(day, opens, closes);
                if (day == last) {
                    return this;
                }
            }
        }

        public Builder holiday(LocalDate day) {
            exceptions.put(day, DayKind.HOLIDAY);
            return this;
        }

        public Builder workday(LocalDate day) {
            exceptions.put(day, DayKind.WORKDAY);
            return this;
        }

        public Builder day(LocalDate day, DayKind kind) {
            exceptions.put(day, kind);
            return this;
        }

        public BusinessCalendar build() {
            Map<DayOfWeek, List<Hours>> sorted = new EnumMap<>(DayOfWeek.class);
            weekly.forEach((day, hours) -> sorted.put(
                    day,
                    hours.stream().sorted(Comparator.comparing(Hours::opens)).toList()));
            return new BusinessCalendar(zone, false, sorted, Map.copyOf(exceptions));
        }
    }
}
