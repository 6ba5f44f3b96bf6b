package dev.backstop.helpdesk.sla.internal;

import dev.backstop.helpdesk.shared.DeskTime;
import dev.backstop.helpdesk.sla.CalendarRefused;
import dev.backstop.helpdesk.sla.VoiceDay;
import dev.backstop.helpdesk.sla.VoiceServiceLevels;
import dev.backstop.helpdesk.tickets.Desk;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The voice service level of a day, whole and per hour (SUPERVISOR, ADMIN). */
@RestController
@Tag(name = "sla")
class VoiceServiceLevelApi {

    private final VoiceServiceLevels levels;
    private final DeskTime deskTime;

    VoiceServiceLevelApi(VoiceServiceLevels levels, DeskTime deskTime) {
        this.levels = levels;
        this.deskTime = deskTime;
    }

    @GetMapping("/api/v1/sla/voice-service-level")
    @Operation(
            summary = "A day's voice service level (desk time zone) of one desk, or of all desks without desk: the "
                    + "day and each hour, with counted calls, answered in time, answered, abandoned, short abandons, "
                    + "percent and target. day defaults to today (yyyy-MM-dd).")
    VoiceDay level(@RequestParam(required = false) String desk, @RequestParam(required = false) String day) {
        Desk which = desk == null || desk.isBlank()
                ? null
                : Arrays.stream(Desk.values())
                        .filter(d -> d.name().equalsIgnoreCase(desk.strip()))
                        .findFirst()
                        .orElseThrow(() -> new CalendarRefused(400, "sla.voice.error.desk", desk));
        LocalDate date;
        try {
            date = day == null || day.isBlank() ? deskTime.today() : LocalDate.parse(day.strip());
        } catch (DateTimeParseException e) {
            throw new CalendarRefused(400, "sla.voice.error.day", day);
        }
        return levels.day(which, date);
    }
}
