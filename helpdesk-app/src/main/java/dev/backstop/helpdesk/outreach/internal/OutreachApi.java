package dev.backstop.helpdesk.outreach.internal;

import dev.backstop.helpdesk.identity.CurrentUser;
import dev.backstop.helpdesk.outreach.Campaign;
import dev.backstop.helpdesk.outreach.CampaignInput;
import dev.backstop.helpdesk.outreach.CampaignRefused;
import dev.backstop.helpdesk.outreach.DeliveryStatus;
import dev.backstop.helpdesk.outreach.OutreachCampaigns;
import dev.backstop.helpdesk.outreach.OutreachChannel;
import dev.backstop.helpdesk.outreach.RecipientPage;
import dev.backstop.helpdesk.outreach.TargetGroup;
import dev.backstop.helpdesk.tickets.Desk;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Outreach campaigns for scripts and integrations (ADMIN, SUPERVISOR). */
@RestController
@RequestMapping("/api/v1/outreach/campaigns")
@Tag(name = "outreach")
class OutreachApi {

    /** A campaign as sent by a client; enums as text so that a wrong value gets a clear message. */
    record CampaignBody(
            String name,
            String desk,
            String audience,
            List<String> regions,
            List<String> tiers,
            List<String> branches,
            String channel,
            String subjectZh,
            String bodyZh,
            String subjectEn,
            String bodyEn) {

        CampaignInput toInput() {
            return new CampaignInput(
                    name,
                    desk == null || desk.isBlank() ? null : parse(Desk.class, desk, "outreach.error.desk"),
                    parse(TargetGroup.class, audience, "outreach.error.audience"),
                    regions,
                    tiers,
                    branches,
                    parse(OutreachChannel.class, channel, "outreach.error.channel"),
                    subjectZh,
                    bodyZh,
                    subjectEn,
                    bodyEn);
        }
    }

    private final OutreachCampaigns campaigns;

    OutreachApi(OutreachCampaigns campaigns) {
        this.campaigns = campaigns;
    }

    @PostMapping
    @Operation(
            summary = "Save a draft campaign (validated: texts in both languages, known template variables, targets)")
    ResponseEntity<Campaign> create(@RequestBody CampaignBody body, CurrentUser user) {
        Campaign campaign = campaigns.create(body.toInput(), user);
        return ResponseEntity.created(URI.create("/api/v1/outreach/campaigns/" + campaign.id()))
                .body(campaign);
    }

    @GetMapping
    @Operation(summary = "All campaigns, newest first, with their figures")
    List<Campaign> list(CurrentUser user) {
        return campaigns.list(user);
    }

    @GetMapping("/{id}")
    @Operation(
            summary = "A campaign with its figures: targeted, sent, skipped, failed, responded, response rate, tickets")
    Campaign get(@PathVariable long id, CurrentUser user) {
        return campaigns.get(id, user);
    }

    @GetMapping("/{id}/recipients")
    @Operation(summary = "A draft's targets as they resolve now, or the recipients with delivery and response")
    RecipientPage recipients(
            @PathVariable long id,
            @RequestParam(required = false) String status,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size,
            CurrentUser user) {
        return campaigns.recipients(
                id,
                status == null || status.isBlank()
                        ? null
                        : parse(DeliveryStatus.class, status, "outreach.error.status"),
                page,
                size,
                user);
    }

    @PostMapping("/{id}/send")
    @Operation(summary = "Fix the target list and send in the background; 409 when not a draft")
    ResponseEntity<Campaign> send(@PathVariable long id, CurrentUser user) {
        return ResponseEntity.accepted().body(campaigns.send(id, user));
    }

    @PostMapping("/{id}/cancel")
    @Operation(summary = "Stop a draft or a campaign being sent; recipients not yet sent are skipped")
    Campaign cancel(@PathVariable long id, CurrentUser user) {
        return campaigns.cancel(id, user);
    }

    static <E extends Enum<E>> E parse(Class<E> type, String value, String code) {
        if (value == null || value.isBlank()) {
            throw CampaignRefused.invalid(
                    code,
                    String.valueOf(value),
                    List.of(type.getEnumConstants()).toString());
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException ex) {
            throw CampaignRefused.invalid(
                    code, value, List.of(type.getEnumConstants()).toString());
        }
    }
}
