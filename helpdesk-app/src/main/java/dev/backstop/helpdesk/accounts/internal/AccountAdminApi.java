package dev.backstop.helpdesk.accounts.internal;

import dev.backstop.helpdesk.accounts.PasswordLinks;
import dev.backstop.helpdesk.identity.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/admin/users")
@Tag(name = "accounts")
class AccountAdminApi {

    private final PasswordLinks links;

    AccountAdminApi(PasswordLinks links) {
        this.links = links;
    }

    @GetMapping
    @Operation(summary = "Accounts by user name or display name, those without a password first (ADMIN)")
    List<PasswordLinks.AccountRow> accounts(
            @RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "100") int limit) {
        return links.accounts(q, limit);
    }

    @PostMapping("/{username}/password-link")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "A one-time link to set the user's password, e-mailed when they have an address (ADMIN)")
    PasswordLinks.Issued passwordLink(@PathVariable String username, CurrentUser user) {
        return links.issue(username, user);
    }
}
