import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * Counts what the database did during the benchmark's calls, from PostgreSQL's {@code pg_stat_statements} (the
 * benchmark's embedded server preloads it): {@code java -cp <driver> SqlCounts.java <jdbc url> <user> <password> reset}
 * before the calls, {@code … report <cti requests>} after them. The report gives the statements executed (every
 * statement of every connection, the app's scheduled jobs and the pop fetches included), the transactions committed,
 * the rows written, and each per CTI request, then the statements that ran most often.
 */
public class SqlCounts {

    public static void main(String[] args) throws Exception {
        try (Connection c = DriverManager.getConnection(args[0], args[1], args[2]);
                Statement s = c.createStatement()) {
            if ("reset".equals(args[3])) {
                s.execute("create extension if not exists pg_stat_statements");
                s.execute("select pg_stat_statements_reset()");
                s.execute("select pg_stat_reset()");
                return;
            }
            double requests = Double.parseDouble(args[4]);
            String mine = " where query not ilike '%pg_stat%' and query not ilike '%pg_stat_statements%'";
            try (ResultSet rs = s.executeQuery("select coalesce(sum(calls), 0), coalesce(sum(total_exec_time), 0),"
                    + " coalesce(sum(rows), 0) from pg_stat_statements" + mine)) {
                rs.next();
                System.out.printf(
                        "SQL during calls: %d statements (%.1f per CTI request), %.0f ms executing in PostgreSQL (%.2f"
                                + " ms per CTI request)%n",
                        rs.getLong(1), rs.getLong(1) / requests, rs.getDouble(2), rs.getDouble(2) / requests);
            }
            try (ResultSet rs = s.executeQuery("select xact_commit, xact_rollback, tup_inserted, tup_updated,"
                    + " tup_deleted from pg_stat_database where datname = current_database()")) {
                rs.next();
                long written = rs.getLong(3) + rs.getLong(4) + rs.getLong(5);
                System.out.printf(
                        "transactions: %d committed (%.1f per CTI request), %d rolled back; rows written: %d inserted,"
                                + " %d updated, %d deleted (%.1f per CTI request)%n",
                        rs.getLong(1), rs.getLong(1) / requests, rs.getLong(2), rs.getLong(3), rs.getLong(4),
                        rs.getLong(5), written / requests);
            }
            System.out.println("most frequent statements (calls, per CTI request, mean ms, query):");
            try (ResultSet rs = s.executeQuery("select calls, mean_exec_time, regexp_replace(query, '\\s+', ' ', 'g')"
                    + " from pg_stat_statements" + mine + " order by calls desc fetch first 25 rows only")) {
                while (rs.next()) {
                    String query = rs.getString(3);
                    System.out.printf("  %7d %5.2f %6.3f  %s%n", rs.getLong(1), rs.getLong(1) / requests,
                            rs.getDouble(2), query.length() > 150 ? query.substring(0, 150) + "…" : query);
                }
            }
            System.out.println("statements that took longest in all (total ms, calls, mean ms, query):");
            try (ResultSet rs = s.executeQuery("select total_exec_time, calls, mean_exec_time,"
                    + " regexp_replace(query, '\\s+', ' ', 'g') from pg_stat_statements" + mine
                    + " order by total_exec_time desc fetch first 10 rows only")) {
                while (rs.next()) {
                    String query = rs.getString(4);
                    System.out.printf("  %8.0f %7d %6.3f  %s%n", rs.getDouble(1), rs.getLong(2), rs.getDouble(3),
                            query.length() > 150 ? query.substring(0, 150) + "…" : query);
                }
            }
        }
    }
}
