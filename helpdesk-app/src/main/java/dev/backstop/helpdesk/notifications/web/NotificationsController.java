package dev.backstop.helpdesk.notifications.web;

import dev.backstop.helpdesk.identity.CurrentUser;
import dev.backstop.helpdesk.notifications.Notification;
import dev.backstop.helpdesk.notifications.Notifications;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/** The signed-in user's notifications: a page, "mark all read", and the same list as JSON. */
@Controller
class NotificationsController {

    private final Notifications notifications;

    NotificationsController(Notifications notifications) {
        this.notifications = notifications;
    }

    @GetMapping("/notifications")
    String page(CurrentUser user, Model model) {
        model.addAttribute("notifications", notifications.recent(user.id(), 100));
        model.addAttribute("ticketBase", user.isPortalOnly() ? "/portal/tickets/" : "/workspace/tickets/");
        return "notifications/list";
    }

    @PostMapping("/notifications/read")
    String markRead(CurrentUser user) {
        notifications.markAllRead(user.id());
        return "redirect:/notifications";
    }

    @GetMapping("/api/v1/notifications")
    @ResponseBody
    List<Notification> api(CurrentUser user) {
        return notifications.recent(user.id(), 100);
    }
}
