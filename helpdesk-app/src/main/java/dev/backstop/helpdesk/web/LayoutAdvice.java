package dev.backstop.helpdesk.web;

import dev.backstop.helpdesk.identity.AuthenticatedUser;
import dev.backstop.helpdesk.identity.CurrentUser;
import dev.backstop.helpdesk.notifications.Notifications;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts the signed-in user ({@code me}) and their unread notification count into every page's model for the layout. */
@ControllerAdvice(annotations = Controller.class)
class LayoutAdvice {

    private final Notifications notifications;

    LayoutAdvice(Notifications notifications) {
        this.notifications = notifications;
    }

    @ModelAttribute("me")
    CurrentUser me(Authentication authentication) {
        return authentication != null && authentication.getPrincipal() instanceof AuthenticatedUser user
                ? user.currentUser() : null;
    }

    @ModelAttribute("unreadNotifications")
    int unreadNotifications(Authentication authentication) {
        CurrentUser me = me(authentication);
        return me == null ? 0 : notifications.unread(me.id());
    }
}
