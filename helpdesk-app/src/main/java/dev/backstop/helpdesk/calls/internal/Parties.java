package dev.backstop.helpdesk.calls.internal;

import dev.backstop.helpdesk.distributors.Distributor;
import dev.backstop.helpdesk.distributors.DistributorDirectory;
import dev.backstop.helpdesk.hr.HrCallers;
import dev.backstop.helpdesk.shared.PhoneNumbers;
import dev.backstop.helpdesk.tickets.Desk;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Who is calling, by number and desk: at the HR line an employee or a family member (HR's own look-up, never at the
 * other desks), elsewhere a front-line rep (a FRONTLINE user with that phone number) or a distributor's contact; the one person with exactly that number, else unknown.
 */
@Component
class Parties {

    /** kind: DISTRIBUTOR_CONTACT, EMPLOYEE, FAMILY_MEMBER, FRONTLINE, UNKNOWN. */
    record Party(String kind, Long ref, String name, String code, Long distributorId, Long employeeId, String tier) {

        static final Party UNKNOWN = new Party("UNKNOWN", null, null, null, null, null, null);
    }

    private final DistributorDirectory distributors;
    private final HrCallers hrCallers;
    private final org.springframework.jdbc.core.JdbcTemplate jdbc;

    Parties(DistributorDirectory distributors, HrCallers hrCallers, org.springframework.jdbc.core.JdbcTemplate jdbc) {
        this.distributors = distributors;
        this.hrCallers = hrCallers;
        this.jdbc = jdbc;
    }

    /** A front-line rep by the phone number an admin gave them (never at the HR line). */
    private Optional<Party> frontline(String digits) {
        return jdbc
                .query(
                        """
                        select u.id, u.display_name, u.username from app_users u
                         where u.phone_digits = ? and u.enabled = true
                           and exists (select 1 from user_roles r where r.user_id = u.id and r.role = 'FRONTLINE')
                         order by u.id""",
                        (rs, i) -> new Party(
                                "FRONTLINE", rs.getLong(1), rs.getString(2), rs.getString(3), null, null, null),
                        digits)
                .stream()
                .findFirst();
    }

    Party of(String number, Desk desk) {
        String digits = PhoneNumbers.digits(number);
        if (digits == null || digits.length() < 5) {
            return Party.UNKNOWN;
        }
        if (desk == Desk.HR) {
            return hrCallers.find(digits).stream()
                    .filter(f -> digits.equals(PhoneNumbers.digits(f.phone())))
                    .findFirst()
                    .map(f -> new Party(
                            f.caller().family() ? "FAMILY_MEMBER" : "EMPLOYEE",
                            f.caller().family()
                                    ? f.caller().familyMemberId()
                                    : f.caller().employeeId(),
                            f.caller().name(),
                            f.employeeNo(),
                            null,
                            f.caller().employeeId(),
                            null))
                    .orElse(Party.UNKNOWN);
        }
        Optional<Party> rep = frontline(digits);
        if (rep.isPresent()) {
            return rep.get();
        }
        return distributorOf(digits)
                .flatMap(d -> d.contacts().stream()
                        .filter(c -> digits.equals(PhoneNumbers.digits(c.phone())))
                        .findFirst()
                        .map(c -> new Party("DISTRIBUTOR_CONTACT", c.id(), c.name(), d.code(), d.id(), null, d.tier())))
                .orElse(Party.UNKNOWN);
    }

    private Optional<Distributor> distributorOf(String digits) {
        List<Long> ids = distributors.find(digits).stream()
                .filter(m -> digits.equals(PhoneNumbers.digits(m.matchedDetail())))
                .map(Distributor.Match::id)
                .distinct()
                .toList();
        return ids.size() == 1 ? distributors.byId(ids.getFirst()) : Optional.empty();
    }
}
