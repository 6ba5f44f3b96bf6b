package dev.backstop.helpdesk.shared;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * The database cannot be reached: no connection within the pool's timeout, a refused or broken connection. Such a
 * failure is nobody's input and no bug here: the web layer answers 503 with {@code Retry-After}, and work resumes by
 * itself once the database is back (the pool reconnects).
 */
public final class DatabaseUnavailable {

    private DatabaseUnavailable() {}

    /** Whether this failure, or anything that caused it, says the database cannot be reached. */
    public static boolean isCauseOf(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientConnectionException
                    || t instanceof ConnectException
                    || t instanceof DataAccessResourceFailureException
                    || t instanceof CannotCreateTransactionException
                    || t instanceof org.hibernate.exception.JDBCConnectionException) {
                return true;
            }
            // SQLState class 08: connection exception (PostgreSQL and H2 alike); 57P01..03: the server shut down
            if (t instanceof SQLException sql
                    && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P0"))) {
                return true;
            }
            if (t instanceof SQLException sql && isEvictedByThePool(sql)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Hikari's answer on a connection it already evicted as broken: a transaction whose statement lost the server
     * fails again on rollback with this, and Spring throws the rollback's failure in place of the first one
     * ("Application exception overridden by rollback exception"). It carries no SQLState, only its message and
     * Hikari's closed-connection proxy on the stack.
     */
    private static boolean isEvictedByThePool(SQLException sql) {
        if (sql.getSQLState() != null || !"Connection is closed".equals(sql.getMessage())) {
            return false;
        }
        for (StackTraceElement frame : sql.getStackTrace()) {
            if (frame.getClassName().startsWith("com.zaxxer.hikari.pool.ProxyConnection")) {
                return true;
            }
        }
        return false;
    }
}
