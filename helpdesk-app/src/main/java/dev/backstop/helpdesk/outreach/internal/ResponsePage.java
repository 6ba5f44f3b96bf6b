package dev.backstop.helpdesk.outreach.internal;

import dev.backstop.helpdesk.outreach.CampaignRefused;
import dev.backstop.helpdesk.outreach.OutreachCampaigns;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The public page behind a message's response link: no sign-in, the token is the key; one answer per link. */
@Controller
class ResponsePage {

    private final OutreachCampaigns campaigns;

    ResponsePage(OutreachCampaigns campaigns) {
        this.campaigns = campaigns;
    }

    @GetMapping("/outreach/r/{token}")
    String show(@PathVariable String token, Model model) {
        model.addAttribute(
                "response",
                campaigns.responseForm(token).orElseThrow(() -> new CampaignRefused(404, "outreach.response.unknown")));
        model.addAttribute("token", token);
        return "outreach/respond";
    }

    @PostMapping("/outreach/r/{token}")
    String answer(
            @PathVariable String token,
            @RequestParam(required = false) String text,
            Model model,
            HttpServletResponse response) {
        try {
            campaigns.respond(token, text);
        } catch (CampaignRefused refused) {
            if (refused.status() != 400) {
                throw refused;
            }
            response.setStatus(400);
            model.addAttribute("errorKey", refused.code());
            model.addAttribute("errorArgs", refused.arguments());
            model.addAttribute("text", text);
            return show(token, model);
        }
        return "redirect:/outreach/r/" + token;
    }
}
