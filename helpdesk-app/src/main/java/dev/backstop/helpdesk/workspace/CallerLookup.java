package dev.backstop.helpdesk.workspace;

import dev.backstop.helpdesk.distributors.Distributor;
import dev.backstop.helpdesk.distributors.DistributorDirectory;
import dev.backstop.helpdesk.hr.HrCallers;
import dev.backstop.helpdesk.identity.CurrentUser;
import dev.backstop.helpdesk.shared.PhoneNumbers;
import dev.backstop.helpdesk.tickets.Desk;
import dev.backstop.helpdesk.tickets.RequesterKind;
import dev.backstop.helpdesk.tickets.TicketManagement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Who is on the line, for the new-ticket form: at the channel desk a distributor's contact (by phone in any format,
 * distributor code or name, contact name or e-mail), at the HR desk an employee or a family member (by phone,
 * employee number or name). A caller picked here becomes the ticket's requester with the account or employee, so the
 * segment (VIP / key), the SLA policy and the queue score follow. Only the desks the agent may open at are searched.
 */
@Component
class CallerLookup {

    private static final int LIMIT = 20;

    /** One person who may be calling, with what the form needs to link them. */
    record Caller(
            RequesterKind kind,
            long ref,
            String name,
            String phone,
            String email,
            Long distributorId,
            Long employeeId,
            String account,
            String tier,
            String relation) {}

    private final DistributorDirectory distributors;
    private final HrCallers hrCallers;
    private final TicketManagement tickets;

    CallerLookup(DistributorDirectory distributors, HrCallers hrCallers, TicketManagement tickets) {
        this.distributors = distributors;
        this.hrCallers = hrCallers;
        this.tickets = tickets;
    }

    List<Caller> find(Desk desk, String text, CurrentUser user) {
        if (desk == null
                || text == null
                || text.isBlank()
                || !tickets.desksToOpen(user).contains(desk)) {
            return List.of();
        }
        return switch (desk) {
            case CHANNEL -> contacts(text.strip());
            case HR -> hrCallers.find(text).stream().map(CallerLookup::hrCaller).toList();
            default -> List.of();
        };
    }

    /** The one caller with exactly this number at the desk; empty when nobody or several people have it. */
    Optional<Caller> byPhone(Desk desk, String phone, CurrentUser user) {
        String digits = PhoneNumbers.digits(phone);
        if (digits == null || digits.length() < 5) {
            return Optional.empty();
        }
        List<Caller> exact = find(desk, phone, user).stream()
                .filter(c -> digits.equals(PhoneNumbers.digits(c.phone())))
                .toList();
        return exact.size() == 1 ? Optional.of(exact.getFirst()) : Optional.empty();
    }

    private List<Caller> contacts(String text) {
        String digits = PhoneNumbers.digits(text);
        boolean byPhone = digits != null && digits.length() >= 5 && text.matches("[+()\\d\\s-]{5,}");
        List<Caller> found = new ArrayList<>();
        for (Distributor.Match match : distributors.find(text)) {
            Distributor account = distributors.byId(match.id()).orElse(null);
            if (account == null) {
                continue;
            }
            List<Distributor.Contact> contacts = account.contacts().stream()
                    .filter(c -> byPhone
                            ? digits.equals(PhoneNumbers.digits(c.phone()))
                            : match.matchedContact() == null
                                    ? c.primary()
                                    : match.matchedContact().equals(c.name()))
                    .toList();
            for (Distributor.Contact contact : contacts) {
                found.add(new Caller(
                        RequesterKind.DISTRIBUTOR_CONTACT,
                        contact.id(),
                        contact.name(),
                        contact.phone(),
                        contact.email(),
                        account.id(),
                        null,
                        account.code() + " " + account.name(),
                        account.tier(),
                        null));
            }
            if (found.size() >= LIMIT) {
                break;
            }
        }
        return found;
    }

    private static Caller hrCaller(HrCallers.Found found) {
        HrCallers.Caller caller = found.caller();
        return caller.family()
                ? new Caller(
                        RequesterKind.FAMILY_MEMBER,
                        caller.familyMemberId(),
                        caller.name(),
                        found.phone(),
                        null,
                        null,
                        caller.employeeId(),
                        found.employeeNo() + " " + found.employeeName(),
                        null,
                        found.relation())
                : new Caller(
                        RequesterKind.EMPLOYEE,
                        caller.employeeId(),
                        caller.name(),
                        found.phone(),
                        caller.email(),
                        null,
                        caller.employeeId(),
                        found.employeeNo() + " " + found.employeeName(),
                        null,
                        null);
    }
}
