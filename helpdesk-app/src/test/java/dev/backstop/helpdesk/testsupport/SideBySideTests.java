package dev.backstop.helpdesk.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.platform.commons.support.AnnotationSupport;
import org.springframework.test.context.BootstrapUtils;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * What lets the test classes run side by side in one JVM ({@link TestLocks}), checked over every Spring test class of
 * this module, so that a new class cannot break it unseen: classes of one Spring context take turns, and two different
 * contexts never open the same data directory or in-memory database. Nothing is started: the context keys are
 * computed as Spring's context cache computes them. ADR 0040.
 */
class SideBySideTests {

    private static final Map<MergedContextConfiguration, List<Class<?>>> CLASSES_BY_CONTEXT = new LinkedHashMap<>();

    @BeforeAll
    static void contexts() throws Exception {
        for (Class<?> test : SpringTestClasses.under(SpringTestClasses.compiled())) {
            MergedContextConfiguration key =
                    BootstrapUtils.resolveTestContextBootstrapper(test).buildMergedContextConfiguration();
            CLASSES_BY_CONTEXT.computeIfAbsent(key, k -> new ArrayList<>()).add(test);
        }
        assertThat(CLASSES_BY_CONTEXT).as("Spring test contexts found").hasSizeGreaterThan(40);
    }

    @Test
    void classesOfOneSpringContextTakeTurnsOnIt() {
        Map<String, Set<String>> unguarded = new TreeMap<>();
        CLASSES_BY_CONTEXT.forEach((key, classes) -> {
            Set<Class<?>> topLevel =
                    classes.stream().map(SideBySideTests::topLevel).collect(Collectors.toSet());
            if (topLevel.size() < 2) {
                return; // one class (with its nested classes, which run in its thread): nothing runs beside it
            }
            Set<String> common = null;
            for (Class<?> test : classes) {
                Set<String> locks = contextLocks(test);
                if (common == null) {
                    common = locks;
                } else {
                    common.retainAll(locks);
                }
            }
            if (common.isEmpty()) {
                unguarded.put(
                        property(key, "backstop.data-dir"),
                        classes.stream()
                                .map(Class::getSimpleName)
                                .collect(Collectors.toCollection(java.util.TreeSet::new)));
            }
        });
        assertThat(unguarded)
                .as("contexts shared by several classes without a common @ResourceLock(\"context:…\")")
                .isEmpty();
    }

    @Test
    void differentContextsNeverShareADataDirectoryOrAnInMemoryDatabase() {
        for (String property : List.of("backstop.data-dir", "spring.datasource.url")) {
            Map<String, List<String>> contextsByValue = new TreeMap<>();
            CLASSES_BY_CONTEXT.forEach((key, classes) -> {
                String value = property(key, property);
                if (value != null && !value.startsWith("jdbc:postgresql")) {
                    contextsByValue
                            .computeIfAbsent(value, v -> new ArrayList<>())
                            .add(classes.getFirst().getSimpleName());
                }
            });
            contextsByValue.values().removeIf(contexts -> contexts.size() < 2);
            assertThat(contextsByValue)
                    .as(property + " used by more than one context")
                    .isEmpty();
        }
    }

    /** The value a context sees: the last inlined one wins, as in Spring's property source. */
    private static String property(MergedContextConfiguration key, String name) {
        String value = null;
        for (String pair : key.getPropertySourceProperties()) {
            int equals = pair.indexOf('=');
            if (equals > 0 && pair.substring(0, equals).strip().equals(name)) {
                value = pair.substring(equals + 1).strip();
            }
        }
        return value;
    }

    private static Set<String> contextLocks(Class<?> test) {
        Set<String> locks = new HashSet<>();
        for (Class<?> c = test; c != null; c = c.getEnclosingClass()) {
            AnnotationSupport.findRepeatableAnnotations(c, ResourceLock.class).stream()
                    .map(ResourceLock::value)
                    .filter(lock -> lock.startsWith("context:"))
                    .forEach(locks::add);
        }
        return locks;
    }

    private static Class<?> topLevel(Class<?> test) {
        Class<?> c = test;
        while (c.getEnclosingClass() != null) {
            c = c.getEnclosingClass();
        }
        return c;
    }
}
