package dev.backstop.helpdesk.tickets.internal;

import dev.backstop.helpdesk.tickets.Desk;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Human ticket keys per desk and year: CH-2026-000123. The counter row is updated in the caller's
 * transaction, so its row lock serialises concurrent openings and a rolled-back opening leaves no gap.
 */
@Component
class TicketKeys {

    private final JdbcTemplate jdbc;

    TicketKeys(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    String next(Desk desk, int year) {
        for (int attempt = 0; attempt < 3; attempt++) {
            int updated = jdbc.update(
                    "update ticket_key_sequences set last_value = last_value + 1 where desk = ? and key_year = ?",
                    desk.name(),
                    year);
            if (updated == 0) {
                try {
                    jdbc.update(
                            "insert into ticket_key_sequences (desk, key_year, last_value) values (?, ?, 1)",
                            desk.name(),
                            year);
                    return format(desk, year, 1);
                } catch (DuplicateKeyException raced) {
                    continue;
                }
            }
            Long value = jdbc.queryForObject(
                    "select last_value from ticket_key_sequences where desk = ? and key_year = ?",
                    Long.class,
                    desk.name(),
                    year);
            return format(desk, year, value);
        }
        throw new IllegalStateException("could not number a ticket for " + desk + " " + year);
    }

    static String format(Desk desk, int year, long value) {
        return "%s-%d-%06d".formatted(desk.keyPrefix(), year, value);
    }
}
