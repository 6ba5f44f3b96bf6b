package dev.backstop.helpdesk.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.TestPropertySource;

/**
 * The whole application on H2 behind a real server on a random port ({@code @LocalServerPort}), for tests that need
 * real HTTP (event streams read with an HTTP client), shared by every class carrying it under the rules of
 * {@link SharedH2Context}: own rows, nothing added to the annotation, the scheduled SLA escalation pass off. Its own
 * data directory and database. (The browser classes have a server context of their own, {@code browser.BrowserTest}.)
 * ADR "fast build".
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(
        properties = {
            "backstop.data-dir=target/test-data/shared-server",
            "spring.datasource.url=jdbc:h2:mem:sharedserver;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
            "backstop.security.login.delay-per-failure=0ms",
            "backstop.sla.escalation.enabled=false"
        })
@ResourceLock("context:shared-server")
public @interface SharedServerContext {}
