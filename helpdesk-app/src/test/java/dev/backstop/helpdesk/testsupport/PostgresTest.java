package dev.backstop.helpdesk.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * Runs a Spring test against a real embedded PostgreSQL instead of the H2 default. Combine with
 * {@code @SpringBootTest} or {@code @DataJpaTest} (the latter also needs
 * {@code @AutoConfigureTestDatabase(replace = NONE)}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Import(EmbeddedPostgres.class)
@ActiveProfiles("postgres-test")
public @interface PostgresTest {}
