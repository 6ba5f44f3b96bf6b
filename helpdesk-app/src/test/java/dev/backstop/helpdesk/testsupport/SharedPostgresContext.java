package dev.backstop.helpdesk.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.TestPropertySource;

/**
 * {@link SharedH2Context} on the embedded PostgreSQL ({@link PostgresTest}): one context, and one PostgreSQL server,
 * for every class carrying it, under the same rules (own rows, nothing added to the annotation) and with the same
 * settings (the scheduled SLA escalation pass off). ADR "fast build".
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest
@AutoConfigureMockMvc
@PostgresTest
@TestPropertySource(
        properties = {
            "backstop.data-dir=target/test-data/shared-pg",
            "backstop.security.login.delay-per-failure=0ms",
            "backstop.sla.escalation.enabled=false"
        })
@ResourceLock("context:shared-pg")
public @interface SharedPostgresContext {}
