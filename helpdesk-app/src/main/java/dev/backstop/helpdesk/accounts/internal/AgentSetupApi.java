package dev.backstop.helpdesk.accounts.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Agents' capacity and skills for routing (ADMIN). */
@RestController
@RequestMapping("/api/v1/admin/agents")
@Tag(name = "accounts")
class AgentSetupApi {

    record Setup(Integer capacity, @Size(max = 50) List<@Size(max = 32) String> skills) {}

    private final AgentSetup setup;

    AgentSetupApi(AgentSetup setup) {
        this.setup = setup;
    }

    @GetMapping
    @Operation(summary = "Staff members with their roles, capacity, skills and presence (ADMIN)")
    List<AgentSetup.Agent> agents() {
        return setup.agents();
    }

    @PutMapping("/{username}")
    @Operation(summary = "Sets an agent's capacity (1–100 open tickets) and skills (codes of skill queues) (ADMIN)")
    AgentSetup.Agent configure(@PathVariable String username, @Valid @RequestBody Setup body) {
        return setup.configure(username, body.capacity(), body.skills());
    }
}
