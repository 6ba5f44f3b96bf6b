package dev.backstop.helpdesk.identity.internal;

import dev.backstop.helpdesk.identity.AgentProfile;
import dev.backstop.helpdesk.identity.AgentProfiles;
import dev.backstop.helpdesk.identity.CurrentUser;
import dev.backstop.helpdesk.identity.Presence;
import dev.backstop.helpdesk.identity.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/me")
@Tag(name = "identity")
class MeApi {

    private final JdbcTemplate jdbc;
    private final AgentProfiles agents;

    MeApi(JdbcTemplate jdbc, AgentProfiles agents) {
        this.jdbc = jdbc;
        this.agents = agents;
    }

    record Me(
            String username,
            String displayName,
            List<String> roles,
            Long distributorId,
            String distributorName,
            Long employeeId,
            String employeeName,
            Long familyMemberId,
            Long departmentId,
            String employeeNo) {}

    record PresenceBody(@NotNull Presence presence) {}

    @PutMapping("/presence")
    @Operation(summary = "Set the calling agent's presence (AVAILABLE, BUSY, AWAY, OFFLINE)")
    AgentProfile presence(@Valid @RequestBody PresenceBody body, CurrentUser user) {
        return agents.setPresence(user.id(), body.presence());
    }

    @GetMapping("/agent-profile")
    @Operation(summary = "The calling agent's presence, capacity and skills")
    AgentProfile profile(CurrentUser user) {
        return agents.of(user.id());
    }

    @GetMapping
    @Operation(summary = "The calling user: roles and the account / employee the user is bound to")
    Me me(CurrentUser user) {
        return new Me(
                user.username(),
                user.displayName(),
                user.roles().stream().map(Role::name).sorted().toList(),
                user.distributorId(),
                name("distributors", user.distributorId()),
                user.employeeId(),
                name("employees", user.employeeId()),
                user.familyMemberId(),
                user.departmentId(),
                employeeNo(user));
    }

    /** The bound employee's number (issue 15): for an employee user only, not for a family member linked to one. */
    private String employeeNo(CurrentUser user) {
        if (user.employeeId() == null || user.familyMemberId() != null) {
            return null;
        }
        return jdbc
                .queryForList("select employee_no from employees where id = ?", String.class, user.employeeId())
                .stream()
                .findFirst()
                .orElse(null);
    }

    private String name(String table, Long id) {
        if (id == null) {
            return null;
        }
        return jdbc.queryForList("select name from " + table + " where id = ?", String.class, id).stream()
                .findFirst()
                .orElse(null);
    }
}
