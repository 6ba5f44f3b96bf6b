package dev.backstop.helpdesk.routing.web;

import dev.backstop.helpdesk.identity.CurrentUser;
import dev.backstop.helpdesk.routing.QueueEntry;
import dev.backstop.helpdesk.routing.QueueInfo;
import dev.backstop.helpdesk.routing.TicketRouting;
import dev.backstop.helpdesk.tickets.Desk;
import dev.backstop.helpdesk.tickets.HrTopic;
import dev.backstop.helpdesk.tickets.TicketDetails;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/routing")
@Tag(name = "routing")
class RoutingApi {

    private final TicketRouting routing;

    RoutingApi(TicketRouting routing) {
        this.routing = routing;
    }

    @PostMapping("/next")
    @Operation(summary = "Assign the best waiting ticket the calling agent may take (204 when none waits)")
    ResponseEntity<TicketDetails> next(CurrentUser user) {
        return routing.next(user)
                .map(ResponseEntity::ok)
                .orElseGet(() -> ResponseEntity.noContent().build());
    }

    record PushBody(boolean pushAssignment) {}

    @PutMapping("/admin/queues/{code}")
    @Operation(summary = "Switch push assignment on or off for a queue (admin)")
    QueueInfo setPush(@PathVariable String code, @RequestBody PushBody body, CurrentUser user) {
        return routing.setPush(code, body.pushAssignment(), user);
    }

    @GetMapping("/queues")
    @Operation(summary = "Every queue (desk and skill) and whether it pushes")
    List<QueueInfo> queues() {
        return routing.queues();
    }

    @GetMapping("/queues/{desk}")
    @Operation(
            summary = "A desk's waiting tickets in routing order, each with the parts of its priority score (HR: only "
                    + "those of one topic with topic=…)")
    List<QueueEntry> queue(
            @PathVariable Desk desk,
            @RequestParam(defaultValue = "100") int limit,
            @RequestParam(required = false) HrTopic topic,
            CurrentUser user) {
        return routing.waiting(desk, topic, user, limit);
    }
}
