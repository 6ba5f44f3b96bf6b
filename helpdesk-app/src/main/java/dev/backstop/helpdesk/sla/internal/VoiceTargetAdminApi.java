package dev.backstop.helpdesk.sla.internal;

import dev.backstop.helpdesk.sla.VoiceServiceLevels;
import dev.backstop.helpdesk.sla.VoiceTarget;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Collection;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The desks' voice service-level targets (ADMIN). */
@RestController
@RequestMapping("/api/v1/admin/voice-service-targets")
@Tag(name = "sla-admin")
class VoiceTargetAdminApi {

    private final VoiceServiceLevels levels;
    private final VoiceTargetAdmin admin;

    VoiceTargetAdminApi(VoiceServiceLevels levels, VoiceTargetAdmin admin) {
        this.levels = levels;
        this.admin = admin;
    }

    @GetMapping
    @Operation(
            summary = "Every desk's voice target: share of inbound calls answered within a time, and whether "
                    + "callers who hung up within a few seconds are left out")
    Collection<VoiceTarget> targets() {
        return levels.targets().values();
    }

    @PutMapping("/{desk}")
    @Operation(
            summary = "Change a desk's voice target (answerWithinSeconds 1-3600, targetPercent 1-100, "
                    + "excludeShortAbandons, shortAbandonSeconds 0-60); applies at once, today's calls included")
    VoiceTarget change(@PathVariable String desk, @RequestBody VoiceTargetAdmin.VoiceTargetChange change) {
        return admin.change(desk, change);
    }
}
