import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.Statement;

/**
 * A real PostgreSQL 17 for the load benchmark (the zonky binaries the tests use, from the local Maven repository):
 * {@code java -cp <zonky jars> EmbeddedPostgresServer.java <port>} starts it, creates the {@code backstop} database and
 * runs until stdin closes. run.sh builds the class path.
 */
public class EmbeddedPostgresServer {

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setPort(port).setServerConfig("timezone", "UTC")
                .setServerConfig("max_connections", "50");
        if ("true".equals(System.getenv("PG_STAT_STATEMENTS"))) { // the screen-pop benchmark counts statements
            builder.setServerConfig("shared_preload_libraries", "pg_stat_statements");
        }
        try (EmbeddedPostgres server = builder.start()) {
            try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("create database backstop");
            }
            System.out.println("READY jdbc:postgresql://localhost:" + port + "/backstop user postgres");
            System.out.flush();
            while (System.in.read() >= 0) {
                // runs until the script closes our stdin
            }
        }
    }
}
