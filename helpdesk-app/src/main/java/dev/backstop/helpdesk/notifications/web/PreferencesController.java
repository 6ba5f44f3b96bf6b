package dev.backstop.helpdesk.notifications.web;

import dev.backstop.helpdesk.identity.CurrentUser;
import dev.backstop.helpdesk.notifications.NoticeChannel;
import dev.backstop.helpdesk.notifications.RequesterPreference;
import dev.backstop.helpdesk.notifications.RequesterPreferences;
import dev.backstop.helpdesk.shared.BackstopException;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A portal user's choice of how they are told about their tickets: the portal page {@code /portal/notifications}
 * (the API is {@link PreferencesApi}).
 */
@Controller
class PreferencesController {

    private final RequesterPreferences preferences;

    PreferencesController(RequesterPreferences preferences) {
        this.preferences = preferences;
    }

    @GetMapping("/portal/notifications")
    String page(CurrentUser user, Model model) {
        model.addAttribute("preference", preferences.of(user.id()));
        model.addAttribute("channels", List.of(NoticeChannel.values()));
        return "notifications/preferences";
    }

    @PostMapping("/portal/notifications")
    String save(
            @RequestParam(required = false) NoticeChannel channel,
            @RequestParam(required = false) String language,
            @RequestParam(required = false) String phone,
            CurrentUser user,
            Model model,
            RedirectAttributes flash) {
        try {
            preferences.save(user.id(), channel, language, phone);
        } catch (BackstopException e) {
            model.addAttribute("errorKey", e.code());
            model.addAttribute("errorArgs", e.arguments());
            model.addAttribute("preference", new RequesterPreference(channel, language, phone, false));
            model.addAttribute("channels", List.of(NoticeChannel.values()));
            return "notifications/preferences";
        }
        flash.addFlashAttribute("successKey", "notifications.preferences.saved");
        return "redirect:/portal/notifications";
    }
}
