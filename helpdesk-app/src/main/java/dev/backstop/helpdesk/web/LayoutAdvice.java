package dev.backstop.helpdesk.web;

import dev.backstop.helpdesk.identity.AuthenticatedUser;
import dev.backstop.helpdesk.identity.CurrentUser;
import dev.backstop.helpdesk.notifications.Notifications;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;

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
                ? user.currentUser()
                : null;
    }

    /** Counted for pages only: an API answer ({@code @ResponseBody}, e.g. a {@code @RestController}) has no layout. */
    @ModelAttribute("unreadNotifications")
    int unreadNotifications(Authentication authentication, HttpServletRequest request) {
        CurrentUser me = me(authentication);
        return me == null || answersWithBody(request) ? 0 : notifications.unread(me.id());
    }

    private static boolean answersWithBody(HttpServletRequest request) {
        return request.getAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE) instanceof HandlerMethod handler
                && (handler.hasMethodAnnotation(ResponseBody.class)
                        || AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), ResponseBody.class));
    }
}
