package dev.backstop.helpdesk.sla.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Changing or retiring an SLA policy (ADMIN); the list is {@code GET /api/v1/admin/sla-policies}. */
@RestController
@RequestMapping("/api/v1/admin/sla-policies")
@Tag(name = "sla-admin")
class PolicyAdminApi {

    private final PolicyAdmin admin;

    PolicyAdminApi(PolicyAdmin admin) {
        this.admin = admin;
    }

    @PutMapping("/{id}")
    @Operation(
            summary =
                    "Change a policy's names, calendar and targets (minutes of business time; updateMinutes 0 = none), "
                            + "or retire it with active=false. The change is a new policy at the same position; tickets already under "
                            + "the old one keep its targets. The catch-all default cannot be retired.")
    CalendarAdmin.PolicyRow change(@PathVariable long id, @RequestBody PolicyAdmin.PolicyChange change) {
        return admin.change(id, change);
    }
}
