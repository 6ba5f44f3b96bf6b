package dev.backstop.helpdesk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backstop.helpdesk.testsupport.PostgresTest;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/** Every migration applies cleanly, and the JPA mappings validate against the result, on H2 and PostgreSQL. */
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
    @SpringBootTest
    @TestPropertySource(
            properties = {
                "backstop.demo-data=false",
                "backstop.data-dir=target/test-data/migrations-h2",
                "spring.datasource.url=jdbc:h2:mem:migrations;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
            })
    class OnH2 extends MigratedSchema {}

    @Nested
    @SpringBootTest
    @PostgresTest
    @TestPropertySource(properties = {"backstop.demo-data=false", "backstop.data-dir=target/test-data/migrations-pg"})
    class OnPostgres extends MigratedSchema {}
}
