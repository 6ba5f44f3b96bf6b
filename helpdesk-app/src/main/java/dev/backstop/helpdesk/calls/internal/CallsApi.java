package dev.backstop.helpdesk.calls.internal;

import dev.backstop.helpdesk.calls.CallRecord;
import dev.backstop.helpdesk.identity.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** One call record, for the staff of the call's desk. */
@RestController
@Tag(name = "calls")
class CallsApi {

    private final CallRecords records;

    CallsApi(CallRecords records) {
        this.records = records;
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
