package dev.backstop.helpdesk.identity.internal;

import dev.backstop.helpdesk.identity.CurrentUser;
import dev.backstop.helpdesk.identity.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/me")
@Tag(name = "identity")
class MeApi {

    private final JdbcTemplate jdbc;

    MeApi(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    record Me(String username, String displayName, List<String> roles, Long distributorId, String distributorName,
            Long employeeId, String employeeName, Long familyMemberId, Long departmentId) {
    }

    @GetMapping
    @Operation(summary = "The calling user: roles and the account / employee the user is bound to")
    Me me(CurrentUser user) {
        return new Me(user.username(), user.displayName(), user.roles().stream().map(Role::name).sorted().toList(),
                user.distributorId(), name("distributors", user.distributorId()), user.employeeId(),
                name("employees", user.employeeId()), user.familyMemberId(), user.departmentId());
    }

    private String name(String table, Long id) {
        if (id == null) {
            return null;
        }
        return jdbc.queryForList("select name from " + table + " where id = ?", String.class, id).stream()
                .findFirst().orElse(null);
    }
}
