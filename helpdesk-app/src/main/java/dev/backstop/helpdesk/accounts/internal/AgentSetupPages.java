package dev.backstop.helpdesk.accounts.internal;

import dev.backstop.helpdesk.accounts.AccountRefused;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The admins' page of agents: capacity and skill queues per staff member. */
@Controller
class AgentSetupPages {

    private final AgentSetup setup;

    AgentSetupPages(AgentSetup setup) {
        this.setup = setup;
    }

    @GetMapping("/admin/agents")
    String agents(Model model) {
        model.addAttribute("agents", setup.agents());
        model.addAttribute("queues", setup.skillQueues());
        return "accounts/agents";
    }

    @PostMapping("/admin/agents/{username}")
    String configure(
            @PathVariable String username,
            @RequestParam(required = false) Integer capacity,
            @RequestParam(name = "skills", required = false) List<String> skills,
            RedirectAttributes flash) {
        try {
            setup.configure(username, capacity, skills == null ? List.of() : skills);
            flash.addFlashAttribute("successKey", "workspace.saved");
        } catch (AccountRefused refused) {
            flash.addFlashAttribute("errorKey", refused.code());
            flash.addFlashAttribute("errorArgs", refused.arguments());
        }
        return "redirect:/admin/agents#agent-" + username;
    }
}
