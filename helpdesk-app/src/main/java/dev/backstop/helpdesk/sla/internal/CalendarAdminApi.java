package dev.backstop.helpdesk.sla.internal;

import dev.backstop.helpdesk.sla.BusinessCalendar.DayKind;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Business calendars and SLA policies for admins: hours, public holidays and make-up working days (调休). */
@RestController
@RequestMapping("/api/v1/admin")
@Tag(name = "sla-admin")
class CalendarAdminApi {

    record DayBody(@NotNull DayKind kind, @Size(max = 100) String name) {}

    private final CalendarAdmin admin;

    CalendarAdminApi(CalendarAdmin admin) {
        this.admin = admin;
    }

    @GetMapping("/calendars")
    @Operation(summary = "Every business calendar with its weekly hours")
    List<CalendarAdmin.CalendarRow> calendars() {
        return admin.calendars();
    }

    @GetMapping("/calendars/{code}/days")
    @Operation(summary = "A calendar's holidays and make-up working days in a year")
    List<CalendarAdmin.DayRow> days(@PathVariable String code, @RequestParam int year) {
        return admin.days(code, year);
    }

    @PutMapping("/calendars/{code}/days/{date}")
    @Operation(summary = "Make a date a HOLIDAY or a (make-up) WORKDAY")
    CalendarAdmin.DayRow setDay(
            @PathVariable String code,
            @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @Valid @RequestBody DayBody body) {
        return admin.setDay(code, date, body.kind(), body.name());
    }

    @DeleteMapping("/calendars/{code}/days/{date}")
    @Operation(summary = "Return a date to the calendar's usual hours")
    ResponseEntity<Void> removeDay(
            @PathVariable String code, @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        admin.removeDay(code, date);
        return ResponseEntity.noContent().build();
    }

    @PutMapping("/calendars/{code}/hours")
    @Operation(summary = "Replace a calendar's weekly opening hours")
    List<CalendarAdmin.HoursRow> setHours(@PathVariable String code, @RequestBody List<CalendarAdmin.HoursRow> hours) {
        return admin.setHours(code, hours);
    }

    @GetMapping("/sla-policies")
    @Operation(summary = "The SLA policies in the order they are matched")
    List<CalendarAdmin.PolicyRow> policies() {
        return admin.policies();
    }
}
