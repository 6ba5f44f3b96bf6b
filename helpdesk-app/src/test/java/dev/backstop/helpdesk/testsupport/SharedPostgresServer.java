package dev.backstop.helpdesk.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The test JVM's one embedded PostgreSQL server, started by the first context that asks for a database and stopped
 * when the JVM ends. Every Spring test context on PostgreSQL gets a database of its own on it ({@code create
 * database}, ~0.1 s) instead of a server of its own ({@code initdb} and a start, ~1.3 s and ~1.7 CPU seconds each on
 * these 2 cores, for some 14 contexts a run). The contexts stay as separate as before: own database, own pool, own
 * schema migrated by Flyway. ADR 0040.
 * <p>
 * At the JVM's end Spring Boot's shutdown hook closes the cached contexts while this class's hook waits until every
 * database handed out is released (its context's pool closed), then stops the server: stopping it under an open pool
 * made a context's close wait for connections that never come back.
 */
public final class SharedPostgresServer {

    private static final Logger log = LoggerFactory.getLogger(SharedPostgresServer.class);
    /** Longer than any context's close; a context that never closes cannot keep the server running. */
    private static final Duration RELEASE_WAIT = Duration.ofSeconds(60);

    private static io.zonky.test.db.postgres.embedded.EmbeddedPostgres server;
    private static int created;
    private static int open;

    private SharedPostgresServer() {}

    /** A new, empty database on the server (started on first use). */
    static synchronized Database newDatabase() {
        if (server == null) {
            server = start();
            Runtime.getRuntime().addShutdownHook(new Thread(SharedPostgresServer::stopOnceReleased, "postgres-stop"));
        }
        String name = "context_" + (++created);
        try (Connection connection = server.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + name + " on the embedded PostgreSQL", e);
        }
        open++;
        return new Database(name, server.getDatabase("postgres", name));
    }

    private static io.zonky.test.db.postgres.embedded.EmbeddedPostgres start() {
        try {
            return io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder()
                    .setRegisterShutdownHook(false)
                    .setServerConfig("timezone", "UTC")
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start embedded PostgreSQL", e);
        }
    }

    private static synchronized void release() {
        open--;
        SharedPostgresServer.class.notifyAll();
    }

    private static synchronized void stopOnceReleased() {
        long deadline = System.nanoTime() + RELEASE_WAIT.toNanos();
        try {
            while (open > 0 && System.nanoTime() < deadline) {
                SharedPostgresServer.class.wait(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (open > 0) {
            log.warn("Stopping the embedded PostgreSQL with {} database(s) still in use", open);
        }
        try {
            server.close();
        } catch (IOException e) {
            log.warn("Could not stop the embedded PostgreSQL: {}", e.toString());
        }
    }

    /** One context's database; {@link #close} releases it (the server removes it with its data directory). */
    public record Database(String name, DataSource dataSource) implements AutoCloseable {

        @Override
        public void close() {
            release();
        }
    }
}
