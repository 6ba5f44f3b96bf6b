package dev.backstop.helpdesk.hr.web;

import dev.backstop.helpdesk.identity.CurrentUser;
import dev.backstop.helpdesk.tickets.HrTopic;
import dev.backstop.helpdesk.tickets.TicketDetails;
import dev.backstop.helpdesk.tickets.TicketManagement;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Issue 15 hr-topics: HR staff change what an HR ticket is about, on its page and over the API. The queue (skill), the
 * SLA targets, the scripts and templates offered follow the topic ({@code TicketManagement.changeTopic}).
 */
@Controller
@Tag(name = "hr")
class HrTopicPages {

    private final TicketManagement tickets;

    HrTopicPages(TicketManagement tickets) {
        this.tickets = tickets;
    }

    @PostMapping("/workspace/hr/tickets/{ticketId}/topic")
    String change(
            @PathVariable long ticketId,
            @RequestParam(required = false) HrTopic topic,
            @RequestParam(required = false) Long version,
            CurrentUser user,
            RedirectAttributes flash) {
        return HrCasePages.act(ticketId, flash, () -> tickets.changeTopic(ticketId, topic, version, user));
    }

    /** The new topic and the version the caller read (null: whatever is current). */
    record TopicChange(HrTopic topic, Long version) {}

    @PostMapping("/api/v1/hr/tickets/{ticketId}/topic")
    @ResponseBody
    @Operation(
            summary = "Change what an HR ticket is about (HR staff): its queue, SLA targets, scripts and templates "
                    + "follow the topic, and the change is on the timeline")
    TicketDetails changeOverApi(@PathVariable long ticketId, @RequestBody TopicChange body, CurrentUser user) {
        return tickets.changeTopic(ticketId, body.topic(), body.version(), user);
    }
}
