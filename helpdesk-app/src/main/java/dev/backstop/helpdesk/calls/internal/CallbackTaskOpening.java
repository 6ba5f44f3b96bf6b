package dev.backstop.helpdesk.calls.internal;

import dev.backstop.helpdesk.calls.MissedCalls;
import dev.backstop.helpdesk.calls.ReportedCall;
import dev.backstop.helpdesk.shared.BackstopException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Opens the callback task of a call that ended abandoned or missed, after the PBX's hang-up committed (ADR "screen-pop
 * push"): the hang-up's request no longer opens a ticket (SLA clocks, routing, the desk's ticket-key row locked until
 * its commit), which had made every abandoned call's hang-up wait for the one before it. The task is the same as
 * before ({@link MissedCalls#report}: one per call, or a note on the caller's open task), linked to the call, and the
 * call's pop is pushed again so the pages show it. Taken once per call: a re-delivered event (also two deliveries at
 * once: they take turns on the call's row) finds the call reported ({@code missed_calls.call_id}) and changes nothing.
 */
@Component
class CallbackTaskOpening {

    private static final Logger logger = LoggerFactory.getLogger(CallbackTaskOpening.class);

    private final MissedCalls missed;
    private final Telephony telephony;
    private final CallLog log;
    private final ScreenPops pops;

    CallbackTaskOpening(MissedCalls missed, Telephony telephony, CallLog log, ScreenPops pops) {
        this.missed = missed;
        this.telephony = telephony;
        this.log = log;
        this.pops = pops;
    }

    @ApplicationModuleListener
    void on(CallbackDue due) {
        // two deliveries of one event at once take turns on the call's row: the second finds the call reported
        log.locked(due.callId());
        try {
            missed.report(
                    new ReportedCall(
                            due.callId(),
                            ReportedCall.Kind.ABANDONED,
                            due.from(),
                            due.desk(),
                            due.ivrChoice(),
                            due.endedAt(),
                            due.waitSeconds()),
                    telephony.user(due.pbxUser()));
        } catch (BackstopException refused) { // e.g. a call id too long for a task: trying again would not help
            logger.warn("No callback task for call {}: {}", due.callId(), refused.code());
            return;
        }
        log.find(due.callId()).ifPresent(pops::changed); // the pages show the task the call is on now
    }
}
