package dev.backstop.helpdesk.calls.internal;

import dev.backstop.helpdesk.calls.CallRefused;
import dev.backstop.helpdesk.identity.CurrentUser;
import dev.backstop.helpdesk.identity.Role;
import dev.backstop.helpdesk.shared.PhoneNumbers;
import dev.backstop.helpdesk.tickets.Desk;
import dev.backstop.helpdesk.tickets.TicketDetails;
import dev.backstop.helpdesk.tickets.TicketManagement;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Call back in one click. When a PBX endpoint has a click-to-dial URL, Backstop posts the call to it ({@code event}
 * {@code dial}, our {@code callId}, the agent's extension as {@code from}, the number as {@code to}, the agent's login
 * as {@code user}); the PBX rings the agent, dials out and reports the call's events under that callId, and the call's
 * answer closes the number's callback task ({@link CallbackClosing}). Without such a PBX the answer is a {@code tel:}
 * link and the call is logged as placed by hand, which closes the number's callback task at once, as the answer of a
 * click-to-dial call does: the agent's phone dials, and Backstop hears no more of that call. The HTTP call runs outside any transaction: no connection is held
 * while the PBX thinks.
 */
@Component
class ClickToDial {

    /** How the call was placed: by the PBX ({@code pbx}), or by the agent's phone from a {@code tel:} link. */
    record Placed(String callId, String mode, String tel) {}

    private final Telephony telephony;
    private final CallLog log;
    private final TicketManagement tickets;
    private final TransactionTemplate transaction;
    private final RestClient http;
    private final CallbackClosing callbacks;

    ClickToDial(
            Telephony telephony,
            CallLog log,
            TicketManagement tickets,
            TransactionTemplate transaction,
            CallbackClosing callbacks,
            @Value("${backstop.calls.click-to-dial.timeout:5s}") Duration timeout) {
        this.telephony = telephony;
        this.log = log;
        this.tickets = tickets;
        this.transaction = transaction;
        this.callbacks = callbacks;
        SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(timeout);
        requests.setReadTimeout(timeout);
        this.http = RestClient.builder().requestFactory(requests).build();
    }

    Placed dial(String number, Long ticketId, CurrentUser user) {
        String digits = PhoneNumbers.digits(number);
        if (digits == null || digits.length() < 3 || digits.length() > 20) {
            throw new CallRefused("calls.error.number", String.valueOf(number));
        }
        String to = number.strip();
        String callId = "c2d-" + UUID.randomUUID();
        record Prepared(Telephony.Dialer dialer, String extension) {}
        Prepared prepared = transaction.execute(status -> {
            Desk desk = null;
            if (ticketId != null) {
                TicketDetails ticket = tickets.get(ticketId, user); // 404 unless the agent may see it
                desk = ticket.desk();
            } else {
                desk = deskOf(user);
            }
            Telephony.Dialer dialer = telephony.dialer().orElse(null);
            String extension = telephony.extensionOf(user.id()).orElse(null);
            CallRow placed = log.placed(callId, desk, extension, to, user.id(), ticketId, dialer == null);
            if (dialer == null) {
                callbacks.calledBack(placed, user); // the tel: call is the callback: its task is done
            }
            return new Prepared(dialer, extension);
        });
        if (prepared.dialer() == null) {
            return new Placed(callId, "tel", "tel:" + to.replaceAll("[^0-9+*#]", ""));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("event", "dial");
        body.put("callId", callId);
        body.put("direction", "out");
        body.put("from", prepared.extension());
        body.put("to", to);
        body.put("user", user.username());
        try {
            http.post()
                    .uri(URI.create(prepared.dialer().url()))
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(body)
                    .retrieve()
                    .toBodilessEntity();
        } catch (RestClientException | IllegalArgumentException e) {
            transaction.executeWithoutResult(status -> log.dialFailed(callId));
            throw new DialFailed(prepared.dialer().name());
        }
        return new Placed(callId, "pbx", null);
    }

    private static Desk deskOf(CurrentUser user) {
        if (user.has(Role.CHANNEL_AGENT)) {
            return Desk.CHANNEL;
        }
        if (user.has(Role.EXPERT)) {
            return Desk.EXPERT;
        }
        if (user.hasAny(Role.HR_AGENT, Role.HR_PAYROLL)) {
            return Desk.HR;
        }
        return null;
    }
}
