package dev.backstop.helpdesk.web;

import dev.backstop.helpdesk.identity.CurrentUser;
import jakarta.servlet.http.HttpSession;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.web.WebAttributes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The login page, and "/" sending each role to its own home. */
@Controller
class HomeController {

    private final boolean demoData;

    HomeController(@Value("${backstop.demo-data:true}") boolean demoData) {
        this.demoData = demoData;
    }

    @GetMapping("/")
    String home(CurrentUser user) {
        return user.isPortalOnly() ? "redirect:/portal" : "redirect:/workspace";
    }

    @GetMapping("/login")
    String login(HttpSession session, Model model) {
        Object failure = session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
        String error = failure instanceof LockedException
                ? "identity.login.locked"
                : failure instanceof DisabledException ? "identity.login.disabled" : "identity.login.badCredentials";
        model.addAttribute("errorKey", error);
        model.addAttribute("demoData", demoData);
        return "login";
    }
}
