package dev.backstop.helpdesk.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * {@link SharedH2ClockContext} on the embedded PostgreSQL ({@link PostgresTest}): one context with the movable clock
 * for every class carrying it, under the same rules. ADR "fast build".
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest
@AutoConfigureMockMvc
@PostgresTest
@Import(SharedH2ClockContext.Clock.class)
@TestPropertySource(
        properties = {
            "backstop.data-dir=target/test-data/shared-clock-pg",
            "backstop.security.login.delay-per-failure=0ms",
            "backstop.sla.escalation.enabled=false"
        })
@ResourceLock("context:shared-clock-pg")
public @interface SharedPostgresClockContext {}
