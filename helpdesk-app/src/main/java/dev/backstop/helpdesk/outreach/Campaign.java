package dev.backstop.helpdesk.outreach;

import dev.backstop.helpdesk.tickets.Desk;
import java.time.Instant;
import java.util.List;

/** A campaign with its figures (for a draft: the preview's counts, nothing sent yet). */
public record Campaign(
        long id,
        String name,
        Desk desk,
        TargetGroup audience,
        List<String> regions,
        List<String> tiers,
        List<String> branches,
        OutreachChannel channel,
        String subjectZh,
        String bodyZh,
        String subjectEn,
        String bodyEn,
        CampaignState state,
        String createdByName,
        Instant createdAt,
        Instant sentAt,
        CampaignFigures figures) {}
