package dev.backstop.helpdesk.identity.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** ADMIN: per-integration API tokens. The token is shown once, at creation; only its hash is kept. */
@RestController
@RequestMapping("/api/v1/admin/api-tokens")
@Tag(name = "admin")
class ApiTokenAdminApi {

    private final ApiTokens tokens;
    private final Users users;

    ApiTokenAdminApi(ApiTokens tokens, Users users) {
        this.tokens = tokens;
        this.users = users;
    }

    record NewToken(
            @NotBlank @Size(max = 100) String name,
            @NotBlank String username,
            @Positive @Max(3650) Integer expiresInDays) {}

    @PostMapping
    @Operation(summary = "Issue an API token for a user (shown once)")
    ResponseEntity<ApiTokens.IssuedToken> issue(@Valid @RequestBody NewToken request) {
        UserAccount user = users.byUsername(request.username()).orElseThrow(() -> new UnknownUser(request.username()));
        var issued = tokens.issue(
                request.name(),
                user.id(),
                request.expiresInDays() == null ? null : Duration.ofDays(request.expiresInDays()));
        return ResponseEntity.created(URI.create("/api/v1/admin/api-tokens/" + issued.id()))
                .body(issued);
    }

    @GetMapping
    @Operation(summary = "List API tokens (never the secret)")
    List<ApiTokens.TokenInfo> list() {
        return tokens.list();
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Revoke an API token")
    ResponseEntity<Void> revoke(@PathVariable long id) {
        if (!tokens.revoke(id)) {
            throw new UnknownToken(id);
        }
        return ResponseEntity.status(HttpStatus.NO_CONTENT).build();
    }

    static class UnknownUser extends dev.backstop.helpdesk.shared.BackstopException {
        UnknownUser(String username) {
            super(404, "identity.error.unknownUser", username);
        }
    }

    static class UnknownToken extends dev.backstop.helpdesk.shared.BackstopException {
        UnknownToken(long id) {
            super(404, "identity.error.unknownToken", id);
        }
    }
}
