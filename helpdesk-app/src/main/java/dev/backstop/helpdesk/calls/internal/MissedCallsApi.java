package dev.backstop.helpdesk.calls.internal;

import dev.backstop.helpdesk.calls.CallRefused;
import dev.backstop.helpdesk.calls.CallbackTask;
import dev.backstop.helpdesk.calls.MissedCalls;
import dev.backstop.helpdesk.calls.ReportedCall;
import dev.backstop.helpdesk.identity.CurrentUser;
import dev.backstop.helpdesk.tickets.Desk;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The PBX / CTI webhook: missed calls and callback requests become callback tasks (ADMIN, SUPERVISOR tokens). */
@RestController
@Tag(name = "calls")
class MissedCallsApi {

    /** As the PBX sends it; text fields so that a wrong value gets a clear message, not a parse error. */
    record CallBody(
            String callId, String kind, String caller, String desk, String skill, String at, Integer waitedSeconds) {}

    private final MissedCalls calls;

    MissedCallsApi(MissedCalls calls) {
        this.calls = calls;
    }

    @PostMapping("/api/v1/calls/missed")
    @Operation(
            summary = "Report a call abandoned in the queue (kind ABANDONED) or a callback the caller asked for "
                    + "(CALLBACK_REQUESTED): 201 with the new callback task, 200 when it joined the caller's open task or the "
                    + "call was already reported")
    ResponseEntity<CallbackTask> report(@RequestBody CallBody body, CurrentUser user) {
        CallbackTask task = calls.report(
                new ReportedCall(
                        body.callId(),
                        kind(body.kind()),
                        body.caller(),
                        desk(body.desk()),
                        body.skill(),
                        at(body.at()),
                        body.waitedSeconds()),
                user);
        return task.created()
                ? ResponseEntity.created(URI.create("/api/v1/tickets/" + task.ticketId()))
                        .body(task)
                : ResponseEntity.ok(task);
    }

    private static ReportedCall.Kind kind(String kind) {
        if (kind == null || kind.isBlank()) {
            return ReportedCall.Kind.ABANDONED;
        }
        try {
            return ReportedCall.Kind.valueOf(kind.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new CallRefused("calls.error.kind", kind);
        }
    }

    private static Desk desk(String desk) {
        try {
            return Desk.valueOf(desk == null ? "" : desk.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new CallRefused("calls.error.desk", String.valueOf(desk));
        }
    }

    private static Instant at(String at) {
        if (at == null || at.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(at.strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw new CallRefused("calls.error.at", at);
        }
    }
}
