package dev.backstop.helpdesk.web;

import dev.backstop.helpdesk.shared.BackstopException;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * A {@link BackstopException} escaping a page controller becomes a friendly localized error page with the
 * right status (404 for a ticket the user may not see). Action forms catch them earlier and show them as
 * a message on the ticket page.
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(PageExceptionHandler.class);

    @ExceptionHandler(BackstopException.class)
    String backstop(BackstopException e, Model model, HttpServletResponse response) {
        log.info("page refused: {}", e.getMessage());
        response.setStatus(e.status());
        model.addAttribute("status", e.status());
        model.addAttribute("messageKey", e.code());
        model.addAttribute("messageArgs", e.arguments());
        return "error";
    }

    /** A malformed form post (missing field, wrong value, not multipart) is a 400 page, not a 500. */
    @ExceptionHandler({
        org.springframework.web.multipart.MultipartException.class,
        org.springframework.web.bind.ServletRequestBindingException.class,
        org.springframework.beans.TypeMismatchException.class
    })
    String badRequest(Exception e, Model model, HttpServletResponse response) {
        log.info("bad page request: {}", e.getMessage());
        response.setStatus(400);
        model.addAttribute("status", 400);
        model.addAttribute("messageKey", "error.badRequest");
        model.addAttribute("messageArgs", new Object[0]);
        return "error";
    }
}
