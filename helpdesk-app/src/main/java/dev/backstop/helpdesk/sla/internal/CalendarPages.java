package dev.backstop.helpdesk.sla.internal;

import dev.backstop.helpdesk.shared.DeskTime;
import dev.backstop.helpdesk.sla.BusinessCalendar.DayKind;
import dev.backstop.helpdesk.sla.CalendarRefused;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The administrators' calendar page: each calendar's weekly hours, its holidays and make-up working days (调休) of a
 * year with add / remove, a link to the holiday-calendar import for a whole year at once, and the SLA policies in
 * the order they are matched.
 */
@Controller
class CalendarPages {

    private final CalendarAdmin admin;
    private final DeskTime deskTime;

    CalendarPages(CalendarAdmin admin, DeskTime deskTime) {
        this.admin = admin;
        this.deskTime = deskTime;
    }

    @GetMapping("/admin/calendars")
    String calendars(
            @RequestParam(required = false) String code, @RequestParam(required = false) Integer year, Model model) {
        List<CalendarAdmin.CalendarRow> calendars = admin.calendars();
        CalendarAdmin.CalendarRow shown = calendars.stream()
                .filter(c -> c.code().equals(code))
                .findFirst()
                .orElseGet(() -> calendars.stream()
                        .filter(c -> !c.alwaysOpen())
                        .findFirst()
                        .orElse(calendars.getFirst()));
        int shownYear = year != null ? year : deskTime.today().getYear();
        model.addAttribute("calendars", calendars);
        model.addAttribute("calendar", shown);
        model.addAttribute("year", shownYear);
        model.addAttribute("days", admin.days(shown.code(), shownYear));
        model.addAttribute("policies", admin.policies());
        model.addAttribute("kinds", DayKind.values());
        return "sla/calendars";
    }

    @PostMapping("/admin/calendars/{code}/days")
    String setDay(
            @PathVariable String code,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @RequestParam DayKind kind,
            @RequestParam(defaultValue = "") String name,
            RedirectAttributes redirect) {
        if (name.length() > 100) {
            throw new CalendarRefused(400, "sla.error.dayNameTooLong", 100);
        }
        admin.setDay(code, date, kind, name);
        redirect.addFlashAttribute("successKey", "sla.calendar.saved");
        return "redirect:/admin/calendars?code=" + code + "&year=" + date.getYear();
    }

    @PostMapping("/admin/calendars/{code}/days/{date}/remove")
    String removeDay(
            @PathVariable String code,
            @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            RedirectAttributes redirect) {
        admin.removeDay(code, date);
        redirect.addFlashAttribute("successKey", "sla.calendar.removed");
        return "redirect:/admin/calendars?code=" + code + "&year=" + date.getYear();
    }
}
