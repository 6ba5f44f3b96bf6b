package dev.backstop.helpdesk.testsupport;

import java.util.List;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Gives each surefire fork its own data directories: a test's {@code backstop.data-dir=target/test-data/x} becomes
 * {@code target/test-data/fork-N/x} in fork N ({@code backstop.test.fork=fork-N}, set by the pom). Surefire runs
 * helpdesk-app's test classes in two JVMs at once ({@code backstop.test.forks} in the pom); classes that share a
 * context also share a data directory, and two JVMs must never open one Lucene index or H2 file. Registered for every
 * Spring test in {@code META-INF/spring.factories}; without {@code backstop.test.fork} (an IDE run) nothing changes.
 * ADR "fast build".
 */
public class PerForkDataDir implements ContextCustomizerFactory {

    static final String PREFIX = "target/test-data/";

    @Override
    public ContextCustomizer createContextCustomizer(
            Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
        String fork = System.getProperty("backstop.test.fork", "");
        if (fork.isBlank()
                && !System.getProperty("surefire.real.class.path", "").isEmpty()) {
            // a surefire JVM without its fork's name would share data directories with the other fork
            throw new IllegalStateException("backstop.test.fork is not set (helpdesk-app/pom.xml, surefire)");
        }
        return fork.isBlank() ? null : new Customizer(fork);
    }

    record Customizer(String fork) implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            var environment = context.getEnvironment();
            String dir = environment.getProperty("backstop.data-dir");
            if (dir == null) {
                return;
            }
            // "./" stays: H2 refuses a file database path that is implicitly relative (jdbc:h2:file:target/...)
            String dot = dir.startsWith("./") ? "./" : "";
            String relative = dir.substring(dot.length());
            if (!relative.startsWith(PREFIX)) {
                return;
            }
            String perFork = dot + PREFIX + fork + "/" + relative.substring(PREFIX.length());
            environment
                    .getPropertySources()
                    .addFirst(new MapPropertySource("backstop-fork-data-dir", Map.of("backstop.data-dir", perFork)));
        }
    }
}
