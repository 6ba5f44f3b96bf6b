package dev.backstop.helpdesk.hr.web;

import dev.backstop.helpdesk.hr.internal.CallerSecrets;
import dev.backstop.helpdesk.identity.CurrentUser;
import dev.backstop.helpdesk.shared.BackstopException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Issue 15 hr-gaps: {@code /workspace/hr/caller-factors}, where an HR lead or admin looks up an employee (whether each
 * factor is set, and when — never the factor) and sets or resets the factors; the latest changes are listed.
 */
@Controller
@RequestMapping("/workspace/hr/caller-factors")
class CallerSecretsPages {

    private final CallerSecrets secrets;

    CallerSecretsPages(CallerSecrets secrets) {
        this.secrets = secrets;
    }

    @GetMapping
    String page(@RequestParam(required = false) String employeeNo, CurrentUser user, Model model) {
        model.addAttribute("employeeNo", employeeNo == null ? "" : employeeNo.strip());
        var status = secrets.status(employeeNo, user);
        model.addAttribute("status", status.orElse(null));
        model.addAttribute("unknown", employeeNo != null && !employeeNo.isBlank() && status.isEmpty());
        model.addAttribute("changes", secrets.recentChanges(user, 20));
        return "hr/caller-factors";
    }

    @PostMapping
    String set(
            @RequestParam String employeeNo,
            @RequestParam(required = false) String idLast4,
            @RequestParam(required = false) String pin,
            CurrentUser user,
            HttpServletRequest request,
            RedirectAttributes flash) {
        try {
            secrets.set(
                    employeeNo,
                    idLast4,
                    pin,
                    CallerSecrets.Via.PAGE,
                    Periods.origin(request).address(),
                    user);
            flash.addFlashAttribute("successKey", "hr.secrets.saved");
        } catch (BackstopException e) {
            flash.addFlashAttribute("errorKey", e.code());
            flash.addFlashAttribute("errorArgs", e.arguments());
        }
        return "redirect:"
                + UriComponentsBuilder.fromPath("/workspace/hr/caller-factors")
                        .queryParam("employeeNo", employeeNo)
                        .encode()
                        .build()
                        .toUriString();
    }
}
