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
 * The whole application (demo data, H2, MockMvc) in one context that every class carrying this annotation shares:
 * Spring's test context cache builds it once per test JVM instead of once per class (a full context with its demo
 * data and ~1,000-article index costs seconds of CPU). A class may use it when its tests make their own rows (a
 * marker in titles and subjects, ids they created) and assert only on those, never on global counts or on the demo
 * data staying untouched; add nothing to it (no {@code @TestPropertySource}, {@code @MockitoBean}, {@code @Import}
 * or {@code @DynamicPropertySource} of its own — each makes a context of its own again). The PostgreSQL twin is
 * {@link SharedPostgresContext}.
 * <p>
 * The scheduled SLA escalation pass is off ({@code backstop.sla.escalation.enabled=false}), as it was for most classes
 * before they shared: it would escalate and notify on every class's tickets at a moment no test chooses. A test about
 * escalations calls {@code SlaEscalations.pass()} itself (as {@code SlaClockTests} does). ADR "fast build".
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest
@AutoConfigureMockMvc
@TestPropertySource(
        properties = {
            "backstop.data-dir=target/test-data/shared-h2",
            "spring.datasource.url=jdbc:h2:mem:shared;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
            "backstop.security.login.delay-per-failure=0ms",
            "backstop.sla.escalation.enabled=false"
        })
@ResourceLock("context:shared-h2")
public @interface SharedH2Context {}
