package dev.backstop.helpdesk.calls.internal;

import dev.backstop.helpdesk.calls.TelephonyDemo;
import dev.backstop.helpdesk.identity.CurrentUser;
import dev.backstop.helpdesk.tickets.TicketManagement;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Demo telephony: the PBX endpoint whose token is {@code demo-pbx} (only ever made by demo data), the hotlines
 * 4008001000 (channel desk), 4008002000 (expert desk) and 4008003000 (HR desk), extensions for the demo agents, and
 * a few calls played through the CTI events as a PBX would send them: D0001's contact answered by the channel agent
 * (on the demo ticket "到货数量与发货单不符", with a recording reference), and an HR caller who gave up waiting (a
 * callback task), and 30 calls of the last 40 minutes at the three lines, 28 of them answered within 10 s (the
 * wallboard's service level is then a realistic one, not that of the two calls above).
 */
@Component
class DemoTelephony implements TelephonyDemo {

    static final String TOKEN = "demo-pbx";

    private final Telephony telephony;
    private final CtiEvents events;
    private final CallLog log;
    private final TicketManagement tickets;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final CallNotes notes;

    DemoTelephony(
            Telephony telephony,
            CtiEvents events,
            CallLog log,
            TicketManagement tickets,
            JdbcTemplate jdbc,
            Clock clock,
            CallNotes notes) {
        this.notes = notes;
        this.telephony = telephony;
        this.events = events;
        this.log = log;
        this.tickets = tickets;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The demo front-line rep's phone number. */
    static final String FRONTLINE_PHONE = "+86 139 0000 7001";

    @Override
    public int load(CurrentUser pbxUser, CurrentUser channelAgent) {
        telephony.register("演示 PBX / Demo PBX", TOKEN, pbxUser.id());
        telephony.setHotline("4008001000", "CHANNEL", "渠道热线 / Distributor hotline");
        telephony.setHotline("4008002000", "EXPERT", "技术支持热线 / Support line");
        telephony.setHotline("4008003000", "HR", "HR 热线 / HR line");
        Map.of("agent", "8001", "expert", "8002", "hr", "8003", "payroll", "8004")
                .forEach((user, extension) -> {
                    if (!jdbc.queryForList("select id from app_users where username = ?", Long.class, user)
                            .isEmpty()) {
                        telephony.setExtension(user, extension);
                    }
                });
        // a front-line rep with a phone number: their calls to the support line pop their open escalations
        telephony.setPhone("frontline", FRONTLINE_PHONE);
        // the demo steers: the channel agent (李坐席, extension 8001) is the account manager of the key distributor
        // D0008, so its contacts' calls are dialled to 8001 while the agent is available
        List<Long> employee = jdbc.queryForList("select id from employees where employee_no = 'E0002'", Long.class);
        if (!employee.isEmpty()) {
            jdbc.update(
                    "update app_users set employee_id = ? where username = 'agent' and employee_id is null",
                    employee.getFirst());
            jdbc.update(
                    "update distributors set account_manager_id = ? where code = 'D0008' and tier = 'KEY'",
                    employee.getFirst());
        }
        String contact = jdbc.queryForObject("""
                select c.phone from distributor_contacts c join distributors d on d.id = c.distributor_id
                 where d.code = 'D0001' order by c.primary_contact desc, c.id fetch first 1 rows only""", String.class);
        Instant now = clock.instant();
        String answered = "demo-call-0001";
        play("newCall", answered, contact, "4008001000", null, null, now.minusSeconds(3600), null);
        play("answer", answered, contact, "4008001000", "8001", null, now.minusSeconds(3588), null);
        play(
                "recordingAvailable",
                answered,
                contact,
                "4008001000",
                null,
                null,
                now.minusSeconds(3400),
                "https://pbx.example.com/recordings/demo-call-0001.mp3");
        List<Long> ticket = jdbc.queryForList("select id from tickets where subject = '到货数量与发货单不符'", Long.class);
        if (!ticket.isEmpty()) {
            CallRow call = log.find(answered).orElseThrow();
            log.linkTicket(call.id(), ticket.getFirst());
            tickets.logCall(ticket.getFirst(), notes.linked(log.find(answered).orElseThrow()), null, channelAgent);
        }
        play("hangup", answered, contact, "4008001000", "8001", "normalClearing", now.minusSeconds(3400), null);

        String abandoned = "demo-call-0002";
        play("newCall", abandoned, "13912345678", "4008003000", null, null, now.minusSeconds(900), null);
        play("hangup", abandoned, "13912345678", "4008003000", null, "cancel", now.minusSeconds(858), null);

        // the last 40 minutes of a normal day at the three lines, so the wallboard's service level is a realistic one
        // (most calls answered within the 10 s target, a few later) rather than that of the two calls above
        int[] waits = {3, 5, 2, 7, 4, 9, 6, 3, 14, 5, 8, 2, 4, 6, 3, 7, 5, 22, 4, 6, 2, 8, 5, 3, 6, 4, 9, 3, 5, 7};
        String[][] lines = {{"4008001000", "8001"}, {"4008002000", "8002"}, {"4008003000", "8003"}};
        for (int i = 0; i < waits.length; i++) {
            String[] line = lines[i % lines.length];
            String callId = "demo-call-%04d".formatted(i + 3);
            String from = "1380013%04d".formatted(1000 + i * 37);
            Instant rang = now.minusSeconds(2400 - i * 75L);
            Instant answeredAt = rang.plusSeconds(waits[i]);
            play("newCall", callId, from, line[0], null, null, rang, null);
            play("answer", callId, from, line[0], line[1], null, answeredAt, null);
            play("hangup", callId, from, line[0], line[1], "normalClearing", answeredAt.plusSeconds(40 + i * 7L), null);
        }
        return 2 + waits.length;
    }

    private void play(
            String event,
            String callId,
            String from,
            String to,
            String answering,
            String cause,
            Instant at,
            String recording) {
        events.handle(
                TOKEN,
                new CtiEvent(
                        event, from, to, "in", callId, List.of(), null, cause, answering, at, recording, null, null));
    }
}
