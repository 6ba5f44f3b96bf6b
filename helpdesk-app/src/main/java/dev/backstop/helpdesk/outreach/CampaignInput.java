package dev.backstop.helpdesk.outreach;

import dev.backstop.helpdesk.tickets.Desk;
import java.util.List;

/**
 * A new campaign. Filters are codes (regions / branches of the organisation, distributor tiers such as {@code VIP});
 * an empty filter means all. Templates may use {@code {{name}}}, {@code {{responseLink}}} and, by target group,
 * {@code {{distributorCode}}} or {@code {{employeeNo}}}; a body without the link gets it appended.
 *
 * @param desk where answers become tickets; null: CHANNEL for distributors, HR for employees
 */
public record CampaignInput(
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
        String bodyEn) {

    public CampaignInput {
        regions = regions == null ? List.of() : List.copyOf(regions);
        tiers = tiers == null ? List.of() : List.copyOf(tiers);
        branches = branches == null ? List.of() : List.copyOf(branches);
    }
}
