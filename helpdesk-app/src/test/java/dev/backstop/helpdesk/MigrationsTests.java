package dev.backstop.helpdesk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backstop.helpdesk.testsupport.SharedH2Context;
import dev.backstop.helpdesk.testsupport.SharedPostgresContext;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every migration applies cleanly, and the JPA mappings validate against the result, on H2 and PostgreSQL. On the
 * shared contexts: every context migrates its database and validates the mappings when it starts, whatever it loads
 * after, so contexts of its own (without demo data) proved nothing more and cost two context starts per test JVM
 * (ADR "fast build").
 */
class MigrationsTests {

    abstract static class MigratedSchema {
        @Autowired
        Flyway flyway;

        @Autowired
        JdbcTemplate jdbc;

        @Test
        void allMigrationsAreAppliedAndTheCoreTablesExist() {
            assertThat(flyway.info().pending()).isEmpty();
            assertThat(flyway.info().applied()).isNotEmpty();
            for (String table : new String[] {
                "tickets",
                "ticket_articles",
                "app_users",
                "distributors",
                "employees",
                "event_publication",
                "outreach_campaigns",
                "outreach_recipients"
            }) {
                Integer count = jdbc.queryForObject("select count(*) from " + table + " where 1 = 0", Integer.class);
                assertThat(count).as(table).isZero();
            }
        }
    }

    @Nested
    @SharedH2Context
    class OnH2 extends MigratedSchema {}

    @Nested
    @SharedPostgresContext
    class OnPostgres extends MigratedSchema {}
}
