package dev.backstop.helpdesk.sla.internal;

import dev.backstop.helpdesk.sla.CalendarRefused;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The admins' SLA policy page: every active policy in matching order, each with its targets editable. */
@Controller
class PolicyPages {

    private final CalendarAdmin calendars;
    private final PolicyAdmin admin;

    PolicyPages(CalendarAdmin calendars, PolicyAdmin admin) {
        this.calendars = calendars;
        this.admin = admin;
    }

    @GetMapping("/admin/sla-policies")
    String policies(Model model) {
        model.addAttribute(
                "policies",
                calendars.policies().stream()
                        .filter(CalendarAdmin.PolicyRow::active)
                        .toList());
        model.addAttribute("calendars", admin.calendars());
        return "sla/policies";
    }

    @PostMapping("/admin/sla-policies/{id}")
    String change(
            @PathVariable long id,
            @RequestParam(required = false) String name,
            @RequestParam(required = false) String nameEn,
            @RequestParam(required = false) String calendar,
            @RequestParam(required = false) Integer firstResponseMinutes,
            @RequestParam(required = false) Integer updateMinutes,
            @RequestParam(required = false) Integer resolutionMinutes,
            @RequestParam(required = false) Integer atRiskPercent,
            @RequestParam(defaultValue = "true") boolean active,
            RedirectAttributes flash) {
        try {
            admin.change(
                    id,
                    new PolicyAdmin.PolicyChange(
                            name,
                            nameEn,
                            calendar,
                            firstResponseMinutes,
                            updateMinutes == null ? 0 : updateMinutes,
                            resolutionMinutes,
                            atRiskPercent,
                            active));
            flash.addFlashAttribute("successKey", "sla.policy.saved");
        } catch (CalendarRefused refused) {
            flash.addFlashAttribute("errorKey", refused.code());
            flash.addFlashAttribute("errorArgs", refused.arguments());
        }
        return "redirect:/admin/sla-policies";
    }
}
