package dev.backstop.helpdesk.sla.internal;

import dev.backstop.helpdesk.sla.CalendarRefused;
import dev.backstop.helpdesk.sla.VoiceServiceLevels;
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
    private final VoiceServiceLevels voice;
    private final VoiceTargetAdmin voiceAdmin;

    PolicyPages(CalendarAdmin calendars, PolicyAdmin admin, VoiceServiceLevels voice, VoiceTargetAdmin voiceAdmin) {
        this.calendars = calendars;
        this.admin = admin;
        this.voice = voice;
        this.voiceAdmin = voiceAdmin;
    }

    @GetMapping("/admin/sla-policies")
    String policies(Model model) {
        model.addAttribute(
                "policies",
                calendars.policies().stream()
                        .filter(CalendarAdmin.PolicyRow::active)
                        .toList());
        model.addAttribute("calendars", admin.calendars());
        model.addAttribute("voiceTargets", voice.targets().values());
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

    /** A desk's voice service-level target (issue 16), on the same page as the ticket targets. */
    @PostMapping("/admin/sla-policies/voice/{desk}")
    String changeVoice(
            @PathVariable String desk,
            @RequestParam(required = false) Integer answerWithinSeconds,
            @RequestParam(required = false) Integer targetPercent,
            @RequestParam(defaultValue = "false") boolean excludeShortAbandons,
            @RequestParam(required = false) Integer shortAbandonSeconds,
            RedirectAttributes flash) {
        try {
            voiceAdmin.change(
                    desk,
                    new VoiceTargetAdmin.VoiceTargetChange(
                            answerWithinSeconds, targetPercent, excludeShortAbandons, shortAbandonSeconds));
            flash.addFlashAttribute("successKey", "sla.voice.saved");
        } catch (CalendarRefused refused) {
            flash.addFlashAttribute("errorKey", refused.code());
            flash.addFlashAttribute("errorArgs", refused.arguments());
        }
        return "redirect:/admin/sla-policies";
    }
}
