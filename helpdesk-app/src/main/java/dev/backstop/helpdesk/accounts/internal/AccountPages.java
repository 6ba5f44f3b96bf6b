package dev.backstop.helpdesk.accounts.internal;

import dev.backstop.helpdesk.accounts.AccountRefused;
import dev.backstop.helpdesk.accounts.PasswordLinks;
import dev.backstop.helpdesk.identity.CurrentUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The administrators' account list with "create a set-password link", and the public page behind such a link (no
 * sign-in: the token is the key).
 */
@Controller
class AccountPages {

    private final PasswordLinks links;

    AccountPages(PasswordLinks links) {
        this.links = links;
    }

    @GetMapping("/admin/users")
    String accounts(@RequestParam(defaultValue = "") String q, Model model) {
        model.addAttribute("q", q);
        model.addAttribute("accounts", links.accounts(q, 200));
        return "accounts/users";
    }

    @PostMapping("/admin/users/{username}/password-link")
    String issue(
            @PathVariable String username, @RequestParam(defaultValue = "") String q, CurrentUser user, Model model) {
        model.addAttribute("issued", links.issue(username, user));
        return accounts(q, model);
    }

    @GetMapping("/account/password/{token}")
    String form(@PathVariable String token, Model model) {
        model.addAttribute(
                "account", links.find(token).orElseThrow(() -> new AccountRefused(404, "accounts.error.linkInvalid")));
        model.addAttribute("token", token);
        return "accounts/password";
    }

    @PostMapping("/account/password/{token}")
    String set(
            @PathVariable String token,
            @RequestParam(defaultValue = "") String password,
            @RequestParam(defaultValue = "") String confirmation,
            Model model,
            jakarta.servlet.http.HttpServletResponse response) {
        try {
            links.setPassword(token, password, confirmation);
        } catch (AccountRefused refused) {
            if (refused.status() == 404) {
                throw refused;
            }
            model.addAttribute("problem", refused);
            response.setStatus(refused.status());
            return form(token, model);
        }
        model.addAttribute("done", true);
        return "accounts/password";
    }
}
