package dev.backstop.helpdesk.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.TestPropertySource;

/**
 * {@link SharedH2Context} with the application's {@link java.time.Clock} replaced by a {@link MutableClock} the tests
 * move ({@link Clock}: 2026-11-27 09:00 Asia/Shanghai until a test sets it): one context for every class that needs
 * to set the time (SLA clocks, service levels of a scripted day). Its own data directory and database, so it never
 * meets the classes on the real clock. The same rules as the other shared contexts: every test sets the clock before
 * it acts and asserts only on the rows it made (a ticket id, a day no other test used); nothing added to the
 * annotation. The PostgreSQL twin is {@link SharedPostgresClockContext}. ADR "fast build".
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest
@AutoConfigureMockMvc
@Import(SharedH2ClockContext.Clock.class)
@TestPropertySource(
        properties = {
            "backstop.data-dir=target/test-data/shared-clock-h2",
            "spring.datasource.url=jdbc:h2:mem:sharedclock;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
            "backstop.security.login.delay-per-failure=0ms",
            "backstop.sla.escalation.enabled=false"
        })
@ResourceLock("context:shared-clock-h2")
public @interface SharedH2ClockContext {

    /** The clock of the shared clock contexts: a {@link MutableClock} in Asia/Shanghai, the demo desks' zone. */
    @TestConfiguration(proxyBeanMethods = false)
    class Clock {

        static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

        @Bean
        @Primary
        MutableClock testClock() {
            return new MutableClock(
                    LocalDateTime.parse("2026-11-27T09:00").atZone(SHANGHAI).toInstant(), SHANGHAI);
        }
    }
}
