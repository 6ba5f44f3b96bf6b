package dev.backstop.helpdesk.calls.internal;

import dev.backstop.helpdesk.identity.CurrentUser;
import dev.backstop.helpdesk.shared.BackstopException;
import dev.backstop.helpdesk.shared.DeskTime;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The caller log page ({@code /workspace/calls}: my calls and my desks' calls, each with "call back") and the calls
 * panel on a ticket's page (with a play link where the PBX serves a recording).
 */
@Controller
class CallerLogPages {

    private final CallRecords records;
    private final ClickToDial dialer;
    private final DeskTime deskTime;

    CallerLogPages(CallRecords records, ClickToDial dialer, DeskTime deskTime) {
        this.records = records;
        this.dialer = dialer;
        this.deskTime = deskTime;
    }

    @GetMapping("/workspace/calls")
    String log(CurrentUser user, Model model) {
        var mine = records.log("mine", null, 50, user);
        var desk = records.log("desk", null, 100, user);
        model.addAttribute("mine", mine);
        model.addAttribute("desk", desk);
        model.addAttribute("times", times(java.util.stream.Stream.concat(mine.stream(), desk.stream())));
        return "calls/log";
    }

    @PostMapping("/workspace/calls/dial")
    String dial(
            @RequestParam String number,
            @RequestParam(required = false) Long ticketId,
            CurrentUser user,
            RedirectAttributes flash) {
        try {
            ClickToDial.Placed placed = dialer.dial(number, ticketId, user);
            if (placed.tel() != null) {
                return "redirect:" + placed.tel(); // the agent's phone dials; the call is logged
            }
            flash.addFlashAttribute("successKey", "calls.log.dialling");
        } catch (BackstopException e) {
            flash.addFlashAttribute("errorKey", e.code());
            flash.addFlashAttribute("errorArgs", e.arguments());
        }
        return "redirect:/workspace/calls";
    }

    /** When each call began, in the desk's zone, by call id. */
    private java.util.Map<String, String> times(java.util.stream.Stream<dev.backstop.helpdesk.calls.CallRecord> calls) {
        var format = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
        java.util.Map<String, String> times = new java.util.HashMap<>();
        calls.forEach(c -> {
            java.time.Instant at = c.startedAt() != null ? c.startedAt() : c.endedAt();
            times.put(c.callId(), at == null ? "" : format.format(deskTime.at(at)));
        });
        return times;
    }

    @GetMapping("/workspace/calls/tickets/{id}")
    String ofTicket(@PathVariable long id, CurrentUser user, Model model) {
        var calls = records.ofTicket(id, user);
        model.addAttribute("calls", calls);
        model.addAttribute("times", times(calls.stream()));
        model.addAttribute("ticketId", id);
        return "calls/ticket :: calls";
    }
}
