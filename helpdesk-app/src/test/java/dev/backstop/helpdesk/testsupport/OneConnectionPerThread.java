package dev.backstop.helpdesk.testsupport;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Makes a test fail when a thread asks the pool for a second connection while it still holds one — the pattern that
 * jams the pool under load (an after-commit listener opening a transaction of its own while the request still holds
 * its connection: with 10 connections and 20 such requests every one waits for a connection only another can free).
 * <p>
 * Import it into a Spring test ({@code @Import(OneConnectionPerThread.class)}); it wraps the application's
 * {@link DataSource} and, once the context is refreshed (Flyway and Hibernate may use two at start-up), refuses the
 * second connection with an {@link IllegalStateException} and records where it was asked for in {@link #violations()}.
 */
@TestConfiguration(proxyBeanMethods = false)
public class OneConnectionPerThread {

    private static final List<String> VIOLATIONS = new CopyOnWriteArrayList<>();
    private static final ThreadLocal<AtomicInteger> HELD = ThreadLocal.withInitial(AtomicInteger::new);

    /** Where a thread asked for a second connection since the context started (thread name and stack). */
    public static List<String> violations() {
        return List.copyOf(VIOLATIONS);
    }

    public static void clear() {
        VIOLATIONS.clear();
    }

    @Bean
    static Guard oneConnectionPerThreadGuard() {
        return new Guard();
    }

    /** Wraps the context's data sources; armed once this context is refreshed (each context on its own). */
    static final class Guard implements BeanPostProcessor, ApplicationListener<ContextRefreshedEvent> {

        private volatile boolean armed;

        @Override
        public Object postProcessAfterInitialization(Object bean, String name) {
            return bean instanceof DataSource dataSource && !(bean instanceof Guarded)
                    ? new Guarded(dataSource, this)
                    : bean;
        }

        @Override
        public void onApplicationEvent(ContextRefreshedEvent event) {
            armed = true;
        }
    }

    static final class Guarded extends DelegatingDataSource implements AutoCloseable {

        private final Guard guard;

        Guarded(DataSource target, Guard guard) {
            super(target);
            this.guard = guard;
        }

        /** Closes the pool with the context, as it would be without the guard. */
        @Override
        public void close() throws Exception {
            if (getTargetDataSource() instanceof AutoCloseable pool) {
                pool.close();
            }
        }

        @Override
        public Connection getConnection() throws SQLException {
            return guard(super.getConnection());
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return guard(super.getConnection(username, password));
        }

        private Connection guard(Connection connection) throws SQLException {
            AtomicInteger held = HELD.get();
            if (guard.armed && held.get() > 0) {
                IllegalStateException second = new IllegalStateException(
                        "thread " + Thread.currentThread().getName() + " asked for a second database connection");
                java.io.StringWriter trace = new java.io.StringWriter();
                second.printStackTrace(new java.io.PrintWriter(trace));
                VIOLATIONS.add(trace.toString());
                connection.close();
                throw second;
            }
            held.incrementAndGet();
            AtomicInteger closed = new AtomicInteger();
            InvocationHandler handler = (proxy, method, args) -> {
                if (method.getName().equals("close") && closed.getAndIncrement() == 0) {
                    held.decrementAndGet();
                }
                try {
                    return method.invoke(connection, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            };
            return (Connection) Proxy.newProxyInstance(
                    OneConnectionPerThread.class.getClassLoader(), new Class<?>[] {Connection.class}, handler);
        }
    }
}
