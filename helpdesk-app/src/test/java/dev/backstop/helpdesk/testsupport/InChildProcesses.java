package dev.backstop.helpdesk.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * A test class whose application runs in child JVMs against an embedded PostgreSQL of its own (no Spring context in
 * the test JVM, free ports, a data directory of its own). It runs on a second thread while the other classes run one
 * after another on the first (see {@code junit-platform.properties}): most of its time is spent waiting for the
 * children, and a child JVM has its own heap. Such classes run one at a time among themselves.
 * <p>
 * Do not put this on a Spring test: a context used on the second thread could be evicted and closed from the context
 * cache (a few slots, {@code spring.properties}) by the classes starting contexts on the first.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock("child-processes")
public @interface InChildProcesses {}
