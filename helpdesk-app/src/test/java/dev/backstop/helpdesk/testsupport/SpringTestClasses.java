package dev.backstop.helpdesk.testsupport;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.annotation.MergedAnnotations.SearchStrategy;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * The Spring test classes of this module's compiled tests that have tests of their own, each {@code *Tests} class
 * with its {@code @Nested} classes, found without running anything: read by {@link SideBySideTests} and by
 * {@code benchmarks/test-contexts/ContextKeys.java} (which lists their context keys). ADR 0040.
 */
public final class SpringTestClasses {

    private SpringTestClasses() {}

    /** The directory this module's test classes were compiled to ({@code target/test-classes}). */
    public static Path compiled() throws java.net.URISyntaxException {
        return Path.of(SpringTestClasses.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
    }

    public static List<Class<?>> under(Path root) throws IOException, ClassNotFoundException {
        List<Class<?>> all = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith("Tests.class"))
                    .sorted()
                    .toList()) {
                String name = root.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> type = Class.forName(name, false, SpringTestClasses.class.getClassLoader());
                if (!Modifier.isAbstract(type.getModifiers()) && !type.isMemberClass()) {
                    withNested(type, all);
                }
            }
        }
        return all.stream()
                .filter(SpringTestClasses::isSpringTest)
                .filter(SpringTestClasses::hasTests)
                .toList();
    }

    private static void withNested(Class<?> type, List<Class<?>> into) {
        into.add(type);
        for (Class<?> inner : type.getDeclaredClasses()) {
            if (inner.isAnnotationPresent(Nested.class) && !Modifier.isAbstract(inner.getModifiers())) {
                withNested(inner, into);
            }
        }
    }

    /** Run by Spring's extension: its own, or (a nested class) its enclosing class's. */
    static boolean isSpringTest(Class<?> test) {
        for (Class<?> c = test; c != null; c = c.isAnnotationPresent(Nested.class) ? c.getEnclosingClass() : null) {
            boolean found = MergedAnnotations.from(c, SearchStrategy.TYPE_HIERARCHY).stream(ExtendWith.class)
                    .anyMatch(a -> Arrays.asList(a.getClassArray("value")).contains(SpringExtension.class));
            if (found) {
                return true;
            }
        }
        return false;
    }

    /** A method of its own or inherited that JUnit Jupiter runs as a test. */
    private static boolean hasTests(Class<?> test) {
        for (Class<?> c = test; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Method m : c.getDeclaredMethods()) {
                if (Arrays.stream(m.getAnnotations())
                        .anyMatch(a -> a.annotationType().getName().startsWith("org.junit.jupiter")
                                && a.annotationType()
                                        .getSimpleName()
                                        .matches("Test|ParameterizedTest|RepeatedTest|TestFactory|TestTemplate"))) {
                    return true;
                }
            }
        }
        return false;
    }
}
