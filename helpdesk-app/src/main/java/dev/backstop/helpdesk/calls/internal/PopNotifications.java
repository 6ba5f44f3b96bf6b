package dev.backstop.helpdesk.calls.internal;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashSet;
import java.util.Properties;
import java.util.Set;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Hears the call changes other nodes commit (PostgreSQL {@code LISTEN backstop_call_pops}; {@link ScreenPops#changed}
 * sends them) and has {@link ScreenPops} push them to this node's streams. It holds one connection of its own, opened
 * with the pool's settings but outside the pool, so no request ever waits for it and the pool keeps its size. While it
 * is down (H2, or PostgreSQL unreachable: it reconnects every 2 s) the screen pops poll every 500 ms instead.
 */
@Component
class PopNotifications {

    private static final Logger log = LoggerFactory.getLogger(PopNotifications.class);

    private final DataSource dataSource;
    private final ScreenPops pops;
    private volatile boolean running = true;
    private volatile Connection connection;
    private Thread thread;

    PopNotifications(DataSource dataSource, ScreenPops pops) {
        this.dataSource = dataSource;
        this.pops = pops;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        HikariDataSource hikari;
        try {
            if (!dataSource.isWrapperFor(HikariDataSource.class)) {
                return;
            }
            hikari = dataSource.unwrap(HikariDataSource.class);
        } catch (SQLException e) {
            return;
        }
        if (hikari.getJdbcUrl() == null || !hikari.getJdbcUrl().startsWith("jdbc:postgresql:")) {
            return; // H2: one node; the poll is the fallback
        }
        thread = Thread.ofPlatform().daemon().name("screen-pop-listen").start(() -> listen(hikari));
    }

    private void listen(HikariDataSource hikari) {
        while (running) {
            try (Connection c = open(hikari)) {
                connection = c;
                try (Statement statement = c.createStatement()) {
                    statement.execute("listen " + ScreenPops.CHANNEL);
                }
                pops.notified(true);
                PGConnection pg = c.unwrap(PGConnection.class);
                String self = pops.node() + " ";
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(1000);
                    if (notifications == null || notifications.length == 0) {
                        continue;
                    }
                    Set<String> callIds = new LinkedHashSet<>();
                    for (PGNotification n : notifications) {
                        String payload = n.getParameter();
                        int space = payload.indexOf(' ');
                        if (!payload.startsWith(self) && space > 0) {
                            callIds.add(payload.substring(space + 1));
                        }
                    }
                    try {
                        pops.changedElsewhere(callIds);
                    } catch (RuntimeException e) {
                        log.warn("screen pops of other nodes' calls not pushed (the poll will): {}", e.toString());
                    }
                }
            } catch (SQLException | RuntimeException e) {
                pops.notified(false);
                if (running) {
                    log.warn("screen-pop notifications down, polling until reconnected: {}", e.toString());
                    try {
                        Thread.sleep(2000);
                    } catch (InterruptedException interrupted) {
                        return;
                    }
                }
            } finally {
                pops.notified(false);
                connection = null;
            }
        }
    }

    private static Connection open(HikariDataSource hikari) throws SQLException {
        Properties properties = new Properties();
        hikari.getDataSourceProperties()
                .forEach((key, value) -> properties.setProperty(key.toString(), value.toString()));
        if (hikari.getUsername() != null) {
            properties.setProperty("user", hikari.getUsername());
        }
        if (hikari.getPassword() != null) {
            properties.setProperty("password", hikari.getPassword());
        }
        Connection c = DriverManager.getConnection(hikari.getJdbcUrl(), properties);
        c.setAutoCommit(true);
        return c;
    }

    @EventListener
    void stop(ContextClosedEvent closed) {
        running = false;
        Connection c = connection;
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // closing anyway
            }
        }
        if (thread != null) {
            thread.interrupt();
        }
    }
}
