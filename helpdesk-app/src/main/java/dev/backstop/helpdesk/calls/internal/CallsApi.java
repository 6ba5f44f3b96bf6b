package dev.backstop.helpdesk.calls.internal;

import dev.backstop.helpdesk.calls.CallRecord;
import dev.backstop.helpdesk.identity.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** One call record, for the staff of the call's desk. */
@RestController
@Tag(name = "calls")
class CallsApi {

    record DialBody(String number, Long ticketId) {}

    private final CallRecords records;
    private final ClickToDial dialer;

    CallsApi(CallRecords records, ClickToDial dialer) {
        this.records = records;
        this.dialer = dialer;
    }

    @GetMapping("/api/v1/tickets/{id}/calls")
    @Operation(
            summary = "A ticket's calls (direction, numbers, agent, times, wait, talk and hold seconds, hang-up cause, "
                    + "recording: a URL the PBX serves, never audio stored here); for staff who may see the ticket")
    List<CallRecord> ofTicket(@PathVariable long id, CurrentUser user) {
        return records.ofTicket(id, user);
    }

    @GetMapping("/api/v1/calls/log")
    @Operation(
            summary =
                    "The caller log, newest first: scope=mine (answered, placed, transferred to or rang for the caller) "
                            + "or scope=desk (one desk they serve with desk=CHANNEL|EXPERT|HR, else all of theirs); answered, "
                            + "missed with cause, abandoned with wait")
    List<CallRecord> log(
            @RequestParam(defaultValue = "mine") String scope,
            @RequestParam(required = false) String desk,
            @RequestParam(defaultValue = "50") int limit,
            CurrentUser user) {
        return records.log(scope, desk, limit, user);
    }

    @PostMapping("/api/v1/calls/dial")
    @Operation(
            summary =
                    "Call a number back in one click: with a PBX that supports click-to-dial the PBX is asked to place "
                            + "the call (mode pbx; its answer closes the number's callback task), otherwise the answer is a tel: "
                            + "link (mode tel) and the call is logged as placed by hand. ticketId (optional) puts the call on it.")
    ResponseEntity<ClickToDial.Placed> dial(@RequestBody DialBody body, CurrentUser user) {
        return ResponseEntity.status(201).body(dialer.dial(body.number(), body.ticketId(), user));
    }

    @GetMapping("/api/v1/calls/{callId}")
    @Operation(
            summary =
                    "The call record: desk, direction, numbers, state (RINGING, ANSWERED, ENDED, ABANDONED, MISSED), "
                            + "the party calling, who answered, wait and talk seconds, hang-up cause, recording reference, ticket")
    CallRecord get(@PathVariable String callId, CurrentUser user) {
        return records.get(callId, user);
    }
}
