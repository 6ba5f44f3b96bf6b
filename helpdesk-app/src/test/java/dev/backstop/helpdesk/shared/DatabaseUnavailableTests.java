package dev.backstop.helpdesk.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.springframework.orm.jpa.JpaSystemException;

/**
 * What counts as "the database cannot be reached" (answered 503 with Retry-After), including a rollback that fails
 * because the pool already evicted the broken connection: Spring throws that failure in place of the first.
 */
class DatabaseUnavailableTests {

    @Test
    void aRollbackOnAConnectionThePoolHasClosedIsAnOutageNotABug() throws Exception {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:h2:mem:outage-" + System.nanoTime());
        config.setMaximumPoolSize(1);
        try (HikariDataSource pool = new HikariDataSource(config)) {
            Connection connection = pool.getConnection();
            connection.setAutoCommit(false);
            connection.close(); // what Hikari does to a connection it marked broken
            SQLException rollback = catchThrowableOfType(SQLException.class, connection::rollback);

            assertThat(rollback.getMessage()).isEqualTo("Connection is closed");
            assertThat(DatabaseUnavailable.isCauseOf(new JpaSystemException(
                            new RuntimeException("Unable to rollback against JDBC Connection", rollback))))
                    .isTrue();
        }
    }

    @Test
    void aClosedConnectionMessageFromAnywhereElseOrAnOrdinarySqlErrorIsNot() {
        assertThat(DatabaseUnavailable.isCauseOf(new SQLException("Connection is closed")))
                .isFalse();
        assertThat(DatabaseUnavailable.isCauseOf(new SQLException("duplicate key", "23505")))
                .isFalse();
        assertThat(DatabaseUnavailable.isCauseOf(new SQLException("terminating connection", "57P01")))
                .isTrue();
        assertThat(DatabaseUnavailable.isCauseOf(new SQLException("connection refused", "08001")))
                .isTrue();
    }
}
