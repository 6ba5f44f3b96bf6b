package dev.backstop.helpdesk.mail.internal;

import dev.backstop.helpdesk.tickets.Desk;
import dev.backstop.helpdesk.tickets.Requester;
import dev.backstop.helpdesk.tickets.RequesterKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Who wrote: the sender's address matched (case-insensitively) to a distributor contact, an employee, or a family
 * member (by the address of their portal account). The HR desk looks at employees and families first, the others at
 * distributor contacts first. An address shared by several parties of the first kind that matches matches nobody: the
 * agent decides (as an unknown requester with the address).
 */
@Component
class Senders {

    record Sender(Requester requester, Long distributorId, Long employeeId) {}

    private final JdbcTemplate jdbc;

    Senders(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Sender match(String address, String name, Desk desk) {
        List<Optional<Sender>> lookups = new ArrayList<>();
        if (desk == Desk.HR) {
            lookups.add(employee(address));
            lookups.add(family(address));
            lookups.add(contact(address));
        } else {
            lookups.add(contact(address));
            lookups.add(employee(address));
            lookups.add(family(address));
        }
        return lookups.stream()
                .flatMap(Optional::stream)
                .findFirst()
                .orElseGet(() ->
                        new Sender(new Requester(RequesterKind.UNKNOWN_CALLER, null, name, null, address), null, null));
    }

    private Optional<Sender> contact(String address) {
        List<Sender> found = jdbc.query(
                """
                select id, name, distributor_id, phone from distributor_contacts where lower(email) = ? order by id""",
                (rs, i) -> new Sender(
                        new Requester(
                                RequesterKind.DISTRIBUTOR_CONTACT,
                                rs.getLong(1),
                                rs.getString(2),
                                rs.getString(4),
                                address),
                        rs.getLong(3),
                        null),
                address);
        return found.stream().map(Sender::distributorId).distinct().count() == 1
                ? Optional.of(found.getFirst())
                : Optional.empty();
    }

    private Optional<Sender> employee(String address) {
        List<Sender> found = jdbc.query(
                "select id, name, phone from employees where lower(email) = ? order by id",
                (rs, i) -> new Sender(
                        new Requester(RequesterKind.EMPLOYEE, rs.getLong(1), rs.getString(2), rs.getString(3), address),
                        null,
                        rs.getLong(1)),
                address);
        return found.size() == 1 ? Optional.of(found.getFirst()) : Optional.empty();
    }

    private Optional<Sender> family(String address) {
        List<Sender> found = jdbc.query(
                """
                select f.id, f.name, f.employee_id, f.phone from app_users u join family_members f on f.id = u.family_member_id
                 where lower(u.email) = ? order by f.id""",
                (rs, i) -> new Sender(
                        new Requester(
                                RequesterKind.FAMILY_MEMBER, rs.getLong(1), rs.getString(2), rs.getString(4), address),
                        null,
                        rs.getLong(3)),
                address);
        return found.size() == 1 ? Optional.of(found.getFirst()) : Optional.empty();
    }
}
