package dev.backstop.helpdesk.calls.internal;

import dev.backstop.helpdesk.calls.CallRefused;
import dev.backstop.helpdesk.tickets.Desk;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Arrays;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import tools.jackson.databind.ObjectMapper;

/**
 * The wallboard (SUPERVISOR, ADMIN): a page for a big screen per desk ({@code ?desk=CHANNEL}) or for all desks, live
 * over SSE, and the same figures as JSON for other screens.
 */
@Controller
@Tag(name = "calls")
class WallboardPages {

    private final Wallboard wallboard;
    private final WallboardStreams streams;
    private final ObjectMapper json;

    WallboardPages(Wallboard wallboard, WallboardStreams streams, ObjectMapper json) {
        this.wallboard = wallboard;
        this.streams = streams;
        this.json = json;
    }

    @GetMapping("/workspace/wallboard")
    String page(@RequestParam(required = false) String desk, Model model) {
        Desk which = desk(desk);
        model.addAttribute("desk", which);
        model.addAttribute("desks", List.of(Desk.values()));
        Wallboard.Board board = wallboard.board(which);
        model.addAttribute("board", board);
        model.addAttribute("boardJson", json.writeValueAsString(board)); // numbers and a desk code only
        model.addAttribute("presence", Wallboard.PRESENCE);
        return "calls/wallboard";
    }

    @GetMapping("/workspace/wallboard/events")
    SseEmitter events(@RequestParam(required = false) String desk) {
        return streams.subscribe(desk(desk));
    }

    @GetMapping("/api/v1/wallboard")
    @ResponseBody
    @Operation(
            summary = "The wallboard's figures now, for one desk or all: calls waiting and longest wait, agents by "
                    + "presence, answered / abandoned today, voice service level today and its target, hourly levels, "
                    + "tickets at risk / breached, callbacks due / overdue")
    Wallboard.Board board(@RequestParam(required = false) String desk) {
        return wallboard.board(desk(desk));
    }

    private static Desk desk(String desk) {
        if (desk == null || desk.isBlank()) {
            return null;
        }
        return Arrays.stream(Desk.values())
                .filter(d -> d.name().equalsIgnoreCase(desk.strip()))
                .findFirst()
                .orElseThrow(() -> new CallRefused("calls.wallboard.error.desk", desk));
    }
}
