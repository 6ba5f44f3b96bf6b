package dev.backstop.helpdesk.hr.internal;

import dev.backstop.helpdesk.hr.HrReadKind;
import dev.backstop.helpdesk.identity.CurrentUser;
import dev.backstop.helpdesk.shared.AfterCommit;
import dev.backstop.helpdesk.tickets.ConfidentialCaseReads;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Every read of a confidential case by staff lands in the {@code hr_access_log} (what: {@link
 * HrReadKind#CONFIDENTIAL_CASE}, the ticket as the reason), in the transaction that serves the read: the tickets module
 * asks this port from inside its own. One row per reader and ticket per HTTP request (a page that asks for the ticket
 * several times while it is built is one read; the request remembers the read only once its row is
 * committed).
 */
@Component
class ConfidentialCaseAccess implements ConfidentialCaseReads {

    private final AccessLog log;
    private final Clock clock;

    ConfidentialCaseAccess(AccessLog log, Clock clock) {
        this.log = log;
        this.clock = clock;
    }

    @Override
    public void read(long ticketId, String ticketKey, long employeeId, CurrentUser by) {
        HttpServletRequest request = request();
        if (request != null) {
            // a page asks for the ticket more than once while it is built: one person reading it once is one row
            String seen = "hr.confidentialCaseRead." + ticketId + "." + by.id();
            if (request.getAttribute(seen) != null) {
                return;
            }
            AfterCommit.run(() -> request.setAttribute(seen, Boolean.TRUE));
        }
        log.record(new AccessLog.Read(
                employeeId,
                by.id(),
                by.displayName(),
                HrDesk.staffRole(by),
                HrReadKind.CONFIDENTIAL_CASE,
                ticketKey,
                false,
                null,
                ticketId,
                request == null ? null : request.getRemoteAddr(),
                clock.instant()));
    }

    private static HttpServletRequest request() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? attributes.getRequest()
                : null;
    }
}
