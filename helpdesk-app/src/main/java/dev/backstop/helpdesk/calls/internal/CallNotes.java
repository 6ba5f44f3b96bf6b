package dev.backstop.helpdesk.calls.internal;

import dev.backstop.helpdesk.shared.DeskTime;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import org.springframework.stereotype.Component;

/**
 * The lines a call leaves on its ticket's timeline, in both languages (the timeline is read by both), times in the
 * desk's zone ({@link DeskTime}).
 */
@Component
class CallNotes {

    private final DateTimeFormatter time;

    CallNotes(DeskTime desk) {
        this.time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(desk.zone());
    }

    /** When an agent puts the call on the ticket. */
    String linked(CallRow call) {
        return "%s：%s → %s，坐席 %s，开始 %s，等待 %s 秒 / %s call: %s → %s, agent %s, started %s, waited %s s [%s]"
                .formatted(
                        call.inbound() ? "来电" : "去电",
                        orDash(call.from()),
                        orDash(call.to()),
                        orDash(call.answeredByName()),
                        time(call.startedAt()),
                        orDash(call.waitSeconds()),
                        call.inbound() ? "Inbound" : "Outbound",
                        orDash(call.from()),
                        orDash(call.to()),
                        orDash(call.answeredByName()),
                        time(call.startedAt()),
                        orDash(call.waitSeconds()),
                        call.callId());
    }

    /** When the call the ticket has ends. */
    String ended(CallRow call) {
        return "通话结束：%s → %s，坐席 %s，接听 %s，挂断 %s，通话 %s 秒，原因 %s%s / Call ended: %s → %s, agent %s, answered %s, hung up %s, talk %s s, cause %s%s [%s]"
                .formatted(
                        orDash(call.from()),
                        orDash(call.to()),
                        orDash(call.answeredByName()),
                        time(call.answeredAt()),
                        time(call.endedAt()),
                        orDash(call.talkSeconds()),
                        orDash(call.cause()),
                        call.recording() == null ? "" : "，录音 " + call.recording(),
                        orDash(call.from()),
                        orDash(call.to()),
                        orDash(call.answeredByName()),
                        time(call.answeredAt()),
                        time(call.endedAt()),
                        orDash(call.talkSeconds()),
                        orDash(call.cause()),
                        call.recording() == null ? "" : ", recording " + call.recording(),
                        call.callId());
    }

    String recording(CallRow call) {
        return "通话录音 / Call recording: " + call.recording() + " [" + call.callId() + "]";
    }

    String time(Instant at) {
        return at == null ? "-" : time.format(at);
    }

    private static String orDash(Object value) {
        return value == null ? "-" : String.valueOf(value);
    }
}
