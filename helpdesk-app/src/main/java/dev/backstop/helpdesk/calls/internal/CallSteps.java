package dev.backstop.helpdesk.calls.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The repeatable events of a call (held, resumed, transferred), part of {@link CallLog}'s state machine: each is taken
 * once under its key ({@code call_steps}), and the call's hold and transfer columns and the agent who has it are
 * derived from all of them in the order they happened, so repeats and events out of order end in the same record.
 */
@Component
class CallSteps {

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final CallLog log;

    CallSteps(JdbcTemplate jdbc, Clock clock, CallLog log) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.log = log;
    }

    /**
     * True the first time this repeatable event (held, resumed, transferred) is seen under its key (the PBX's event
     * id, else the time it happened); false for a retry.
     */
    boolean firstStep(String callId, String key, String event, Instant at, String target, Long targetUser) {
        return jdbc.update(
                        """
                        insert into call_steps (call_id, step_key, event, happened_at, target, target_user, received_at)
                        values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing""",
                        callId,
                        key,
                        event,
                        Timestamp.from(at),
                        target,
                        targetUser,
                        Timestamp.from(clock.instant()))
                == 1;
    }

    private record Step(String event, Instant at, String target, Long targetUser) {}

    /**
     * Derives the hold and transfer columns and the agent who has the call from all steps taken, in the order they
     * happened (not arrived): so held / resumed / transferred repeated or out of order end in the same record.
     */
    CallRow derive(CallRow row, boolean withSteps) {
        if (!withSteps) { // no hold or transfer yet: only the agent who has the call can change
            Long agent = row.answeredBy() != null ? row.answeredBy() : row.placedBy();
            if (Objects.equals(agent, row.agentId())) {
                return row;
            }
            jdbc.update("update calls set agent_id = ? where id = ?", agent, row.id());
            return log.find(row.callId()).orElseThrow();
        }
        List<Step> steps = jdbc.query(
                """
                select event, happened_at, target, target_user from call_steps where call_id = ?
                 order by happened_at, case event when 'held' then 0 when 'resumed' then 1 else 2 end, step_key""",
                (rs, i) -> new Step(
                        rs.getString(1),
                        rs.getTimestamp(2).toInstant(),
                        rs.getString(3),
                        CallRow.longOrNull(rs, "target_user")),
                row.callId());
        int holds = 0;
        int transfers = 0;
        long held = 0;
        Instant heldSince = null;
        Step lastTransfer = null;
        for (Step step : steps) {
            switch (step.event()) {
                case "held" -> {
                    holds++;
                    heldSince = heldSince == null ? step.at() : heldSince;
                }
                case "resumed" -> {
                    if (heldSince != null) {
                        held += Duration.between(heldSince, step.at()).toSeconds();
                        heldSince = null;
                    }
                }
                case "transferred" -> {
                    transfers++;
                    lastTransfer = step;
                }
                default -> {}
            }
        }
        boolean onHold = heldSince != null && row.endedAt() == null;
        if (heldSince != null && row.endedAt() != null && row.endedAt().isAfter(heldSince)) {
            held += Duration.between(heldSince, row.endedAt()).toSeconds();
        }
        Long agent = lastTransfer != null
                ? lastTransfer.targetUser()
                : row.answeredBy() != null ? row.answeredBy() : row.placedBy();
        jdbc.update(
                """
                update calls set holds = ?, hold_seconds = ?, on_hold = ?, transfers = ?, transferred_to = ?,
                       transferred_to_user = ?, agent_id = ? where id = ?""",
                holds,
                held,
                onHold,
                transfers,
                lastTransfer == null ? null : lastTransfer.target(),
                lastTransfer == null ? null : lastTransfer.targetUser(),
                agent,
                row.id());
        return log.find(row.callId()).orElseThrow();
    }
}
