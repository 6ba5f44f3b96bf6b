package dev.backstop.helpdesk.testsupport;

import java.util.Comparator;
import java.util.Set;
import org.junit.jupiter.api.ClassDescriptor;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The order in which JUnit hands helpdesk-app's test classes to its worker threads (surefire configuration in
 * {@code helpdesk-app/pom.xml}): what makes the run long goes first, so that it never starts last while the other
 * threads have run out of work. First the classes that start application nodes in child JVMs (minutes of waiting on
 * leases and restarts), then the classes that must take turns on the JVM's one Chromium ({@link TestLocks#CHROMIUM},
 * ~3 minutes one after another), then those taking turns on the mail ports ({@link TestLocks#MAIL_PORTS}), then the
 * rest; by name within each group. The order changes only when a class starts, never what it asserts. ADR 0040.
 */
public class LongChainsFirst implements ClassOrderer {

    private static final Set<String> CHILD_NODES =
            Set.of("dev.backstop.helpdesk.nodes.SeveralNodesTests", "dev.backstop.helpdesk.imports.ImportCrashTests");

    @Override
    public void orderClasses(ClassOrdererContext context) {
        context.getClassDescriptors()
                .sort(Comparator.comparingInt(LongChainsFirst::group)
                        .thenComparing(descriptor -> descriptor.getTestClass().getName()));
    }

    private static int group(ClassDescriptor descriptor) {
        Class<?> test = descriptor.getTestClass();
        if (CHILD_NODES.contains(test.getName())) {
            return 0;
        }
        Set<String> locks = AnnotationSupport.findRepeatableAnnotations(test, ResourceLock.class).stream()
                .map(ResourceLock::value)
                .collect(java.util.stream.Collectors.toSet());
        if (locks.contains(TestLocks.CHROMIUM)) {
            return 1;
        }
        return locks.contains(TestLocks.MAIL_PORTS) ? 2 : 3;
    }
}
