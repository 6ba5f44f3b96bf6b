package dev.backstop.helpdesk.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** Business time as a desk in Shanghai counts it, over the real 2026 holiday schedule with its make-up days. */
class BusinessCalendarTests {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    /** Office hours with a lunch break, and the National Day week of 2026 with its two make-up working days. */
    static final BusinessCalendar OFFICE = BusinessCalendar.in(SHANGHAI)
            .open(DayOfWeek.MONDAY, DayOfWeek.FRIDAY, LocalTime.of(9, 0), LocalTime.of(12, 0))
            .open(DayOfWeek.MONDAY, DayOfWeek.FRIDAY, LocalTime.of(13, 30), LocalTime.of(18, 0))
            .workday(LocalDate.of(2026, 9, 20))
            .holiday(LocalDate.of(2026, 10, 1))
            .holiday(LocalDate.of(2026, 10, 2))
            .holiday(LocalDate.of(2026, 10, 5))
            .holiday(LocalDate.of(2026, 10, 6))
            .holiday(LocalDate.of(2026, 10, 7))
            .workday(LocalDate.of(2026, 10, 10))
            .build();

    static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(SHANGHAI).toInstant();
    }

    @Test
    void timeRunsOnlyInOpeningHoursAndSkipsLunchAndTheWeekend() {
        assertThat(OFFICE.plus(at("2026-11-23T10:00"), Duration.ofHours(1))).isEqualTo(at("2026-11-23T11:00"));
        assertThat(OFFICE.plus(at("2026-11-23T11:30"), Duration.ofHours(1))).isEqualTo(at("2026-11-23T14:00"));
        assertThat(OFFICE.plus(at("2026-11-27T17:00"), Duration.ofHours(2))).isEqualTo(at("2026-11-30T10:00"));
        // arriving at night counts from the next opening
        assertThat(OFFICE.plus(at("2026-11-23T22:15"), Duration.ofMinutes(30))).isEqualTo(at("2026-11-24T09:30"));
        // a full working day is 7.5 hours
        assertThat(OFFICE.between(at("2026-11-23T00:00"), at("2026-11-24T00:00")))
                .isEqualTo(Duration.ofMinutes(450));
    }

    @Test
    void theNationalDayHolidayStopsTheClockAndTheMakeUpSaturdayRunsIt() {
        // Wednesday 30 September, 17:00: one hour today, then 1–7 October are off, Thursday 8 October is a working day
        assertThat(OFFICE.plus(at("2026-09-30T17:00"), Duration.ofHours(2))).isEqualTo(at("2026-10-08T10:00"));
        // Friday 9 October, 17:00: Saturday 10 October is a make-up working day (调休), with Monday's hours
        assertThat(OFFICE.plus(at("2026-10-09T17:00"), Duration.ofHours(2))).isEqualTo(at("2026-10-10T10:00"));
        assertThat(OFFICE.isOpen(at("2026-10-10T09:30"))).isTrue();
        assertThat(OFFICE.isOpen(at("2026-10-03T10:00"))).isFalse();
        // Sunday 20 September is a make-up working day too
        assertThat(OFFICE.between(at("2026-09-19T00:00"), at("2026-09-21T00:00")))
                .isEqualTo(Duration.ofMinutes(450));
        // the whole holiday week (Thursday 1 to Wednesday 7) holds no business time at all
        assertThat(OFFICE.between(at("2026-10-01T00:00"), at("2026-10-08T00:00")))
                .isZero();
    }

    @Test
    void plusAndBetweenAgree() {
        Instant start = at("2026-09-28T15:47");
        for (int minutes : new int[] {1, 59, 133, 450, 451, 2000, 10_000}) {
            Instant due = OFFICE.plus(start, Duration.ofMinutes(minutes));
            assertThat(OFFICE.between(start, due)).as("%d minutes", minutes).isEqualTo(Duration.ofMinutes(minutes));
        }
    }

    @Test
    void aTwentyFourSevenCalendarCountsWallClockTime() {
        BusinessCalendar always = BusinessCalendar.alwaysOpen(SHANGHAI);
        assertThat(always.plus(at("2026-10-01T23:00"), Duration.ofHours(2))).isEqualTo(at("2026-10-02T01:00"));
        assertThat(always.isOpen(at("2026-10-01T03:00"))).isTrue();
    }

    @Test
    void aCalendarMayBeOpenUntilMidnight() {
        BusinessCalendar late = BusinessCalendar.in(SHANGHAI)
                .open(DayOfWeek.MONDAY, DayOfWeek.SUNDAY, LocalTime.of(20, 0), LocalTime.MIDNIGHT)
                .build();
        assertThat(late.plus(at("2026-11-23T23:00"), Duration.ofHours(2))).isEqualTo(at("2026-11-24T21:00"));
    }
}
