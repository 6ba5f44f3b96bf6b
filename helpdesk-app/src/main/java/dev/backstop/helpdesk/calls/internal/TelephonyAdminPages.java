package dev.backstop.helpdesk.calls.internal;

import dev.backstop.helpdesk.identity.CurrentUser;
import dev.backstop.helpdesk.shared.BackstopException;
import dev.backstop.helpdesk.tickets.Desk;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The admin's telephony page: PBX endpoints, hotlines, extensions, blocked numbers. */
@Controller
class TelephonyAdminPages {

    private final Telephony telephony;

    TelephonyAdminPages(Telephony telephony) {
        this.telephony = telephony;
    }

    @GetMapping("/admin/telephony")
    String page(Model model) {
        model.addAttribute("endpoints", telephony.endpoints());
        model.addAttribute("hotlines", telephony.hotlines());
        model.addAttribute("extensions", telephony.extensions());
        model.addAttribute("blocked", telephony.blockedCallers());
        model.addAttribute("phones", telephony.staffPhones());
        model.addAttribute("desks", Desk.values());
        return "calls/admin";
    }

    @PostMapping("/admin/telephony/pbx")
    String create(@RequestParam String name, CurrentUser user, RedirectAttributes flash) {
        return act(
                flash,
                () -> flash.addFlashAttribute(
                        "issued", "/api/v1/cti/" + telephony.issue(name, user).token()));
    }

    @PostMapping("/admin/telephony/pbx/{id}/revoke")
    String revoke(@PathVariable long id, RedirectAttributes flash) {
        return act(flash, () -> telephony.revoke(id));
    }

    @PostMapping("/admin/telephony/hotlines")
    String hotline(
            @RequestParam String number,
            @RequestParam String desk,
            @RequestParam(required = false) String name,
            RedirectAttributes flash) {
        return act(flash, () -> telephony.setHotline(number, desk, name));
    }

    @PostMapping("/admin/telephony/extensions")
    String extension(
            @RequestParam String username,
            @RequestParam(required = false) String extension,
            @RequestParam(required = false) String returnTo,
            RedirectAttributes flash) {
        String page = act(flash, () -> telephony.setExtension(username, extension));
        return "agents".equals(returnTo) ? "redirect:/admin/agents" : page;
    }

    /** The extension cell on {@code /admin/agents}: the agent's extension with a form to change it. */
    @GetMapping("/admin/telephony/agents/{username}/extension")
    String extensionCell(@PathVariable String username, Model model) {
        model.addAttribute("username", username);
        model.addAttribute(
                "extension",
                telephony.extensions().stream()
                        .filter(x -> x.username().equals(username))
                        .map(Telephony.Extension::extension)
                        .findFirst()
                        .orElse(""));
        return "calls/admin :: extensionCell";
    }

    @PostMapping("/admin/telephony/phones")
    String phone(
            @RequestParam String username, @RequestParam(required = false) String phone, RedirectAttributes flash) {
        return act(flash, () -> telephony.setPhone(username, phone));
    }

    @PostMapping("/admin/telephony/blocked")
    String block(@RequestParam String number, @RequestParam(required = false) String note, RedirectAttributes flash) {
        return act(flash, () -> telephony.block(number, note));
    }

    @PostMapping("/admin/telephony/blocked/{number}/remove")
    String unblock(@PathVariable String number, RedirectAttributes flash) {
        return act(flash, () -> telephony.unblock(number));
    }

    private static String act(RedirectAttributes flash, Runnable action) {
        try {
            action.run();
            flash.addFlashAttribute("successKey", "calls.admin.saved");
        } catch (BackstopException e) {
            flash.addFlashAttribute("errorKey", e.code());
            flash.addFlashAttribute("errorArgs", e.arguments());
        }
        return "redirect:/admin/telephony";
    }
}
