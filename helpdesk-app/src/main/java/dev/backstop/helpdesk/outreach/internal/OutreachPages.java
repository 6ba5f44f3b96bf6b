package dev.backstop.helpdesk.outreach.internal;

import dev.backstop.helpdesk.identity.CurrentUser;
import dev.backstop.helpdesk.organization.OrganizationDirectory;
import dev.backstop.helpdesk.outreach.Campaign;
import dev.backstop.helpdesk.outreach.CampaignInput;
import dev.backstop.helpdesk.outreach.CampaignState;
import dev.backstop.helpdesk.outreach.DeliveryStatus;
import dev.backstop.helpdesk.outreach.OutreachCampaigns;
import dev.backstop.helpdesk.outreach.OutreachChannel;
import dev.backstop.helpdesk.outreach.TargetGroup;
import dev.backstop.helpdesk.shared.BackstopException;
import dev.backstop.helpdesk.tickets.Desk;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The supervisors' outreach pages: the campaigns, a new one with a live preview of its targets, one with its figures. */
@Controller
@RequestMapping("/workspace/outreach")
class OutreachPages {

    static final int PREVIEW_ROWS = 10;
    static final int PAGE_SIZE = 50;

    /** The new-campaign form; only the filters of the chosen target group are used. */
    record CampaignForm(
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

        static CampaignForm empty() {
            return new CampaignForm(
                    "",
                    "",
                    TargetGroup.DISTRIBUTORS.name(),
                    List.of(),
                    List.of(),
                    List.of(),
                    OutreachChannel.EMAIL.name(),
                    "",
                    "",
                    "",
                    "");
        }

        CampaignForm {
            regions = regions == null ? List.of() : regions;
            tiers = tiers == null ? List.of() : tiers;
            branches = branches == null ? List.of() : branches;
        }

        CampaignInput toInput() {
            TargetGroup group = audience == null || audience.isBlank()
                    ? null
                    : OutreachApi.parse(TargetGroup.class, audience, "outreach.error.audience");
            boolean distributors = group == TargetGroup.DISTRIBUTORS;
            return new CampaignInput(
                    name,
                    desk == null || desk.isBlank() ? null : OutreachApi.parse(Desk.class, desk, "outreach.error.desk"),
                    group,
                    distributors ? regions : List.of(),
                    distributors ? tiers : List.of(),
                    distributors ? List.of() : branches,
                    channel == null || channel.isBlank()
                            ? null
                            : OutreachApi.parse(OutreachChannel.class, channel, "outreach.error.channel"),
                    subjectZh,
                    bodyZh,
                    subjectEn,
                    bodyEn);
        }
    }

    private final OutreachCampaigns campaigns;
    private final OrganizationDirectory organization;

    OutreachPages(OutreachCampaigns campaigns, OrganizationDirectory organization) {
        this.campaigns = campaigns;
        this.organization = organization;
    }

    @GetMapping
    String list(CurrentUser user, Model model) {
        model.addAttribute("campaigns", campaigns.list(user));
        return "outreach/list";
    }

    @GetMapping("/new")
    String form(CurrentUser user, Model model) {
        return form(CampaignForm.empty(), model);
    }

    private String form(CampaignForm form, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("regions", organization.regions());
        model.addAttribute("branches", organization.branches());
        model.addAttribute("tiers", Targets.TIERS);
        return "outreach/new";
    }

    /** The live preview beside the form (htmx): how many the filter reaches, and the first rows. */
    @GetMapping("/preview")
    String preview(@ModelAttribute CampaignForm form, CurrentUser user, Model model) {
        try {
            model.addAttribute("preview", campaigns.preview(form.toInput(), PREVIEW_ROWS, user));
        } catch (BackstopException e) {
            model.addAttribute("previewErrorKey", e.code());
            model.addAttribute("previewErrorArgs", e.arguments());
        }
        return "outreach/new :: preview";
    }

    @PostMapping
    String create(@ModelAttribute CampaignForm form, CurrentUser user, Model model, HttpServletResponse response) {
        try {
            Campaign campaign = campaigns.create(form.toInput(), user);
            return "redirect:/workspace/outreach/" + campaign.id();
        } catch (BackstopException e) {
            response.setStatus(e.status());
            model.addAttribute("errorKey", e.code());
            model.addAttribute("errorArgs", e.arguments());
            return form(form, model);
        }
    }

    @GetMapping("/{id}")
    String campaign(
            @PathVariable long id,
            @RequestParam(required = false) DeliveryStatus status,
            @RequestParam(defaultValue = "0") int page,
            CurrentUser user,
            Model model) {
        Campaign campaign = campaigns.get(id, user);
        model.addAttribute("campaign", campaign);
        model.addAttribute("recipients", campaigns.recipients(id, status, page, PAGE_SIZE, user));
        model.addAttribute("status", status);
        model.addAttribute("statuses", DeliveryStatus.values());
        model.addAttribute("live", campaign.state() == CampaignState.SENDING);
        return "outreach/campaign";
    }

    @PostMapping("/{id}/send")
    String send(@PathVariable long id, CurrentUser user, RedirectAttributes redirect) {
        return act(id, redirect, "outreach.sent", () -> campaigns.send(id, user));
    }

    @PostMapping("/{id}/cancel")
    String cancel(@PathVariable long id, CurrentUser user, RedirectAttributes redirect) {
        return act(id, redirect, "outreach.cancelled", () -> campaigns.cancel(id, user));
    }

    private static String act(long id, RedirectAttributes redirect, String success, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("successKey", success);
        } catch (BackstopException e) {
            if (e.status() == 404) {
                throw e;
            }
            redirect.addFlashAttribute("errorKey", e.code());
            redirect.addFlashAttribute("errorArgs", e.arguments());
        }
        return "redirect:/workspace/outreach/" + id;
    }
}
