import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Signs up the benchmark's channel agents in the app's PostgreSQL (after the app has migrated and loaded its demo):
 * {@code java -cp <postgres driver> BenchAgents.java <jdbc url> <user> <password> <agents>} adds users
 * {@code bench001…} with the role CHANNEL_AGENT, present AVAILABLE, with the demo agent's password hash (password
 * {@code demo}), until the desk has {@code agents} channel agents, and prints the usernames of the first {@code agents}
 * channel agents by id, one a line: the agents a channel-hotline call rings (the app rings at most 200 per call).
 */
public class BenchAgents {

    public static void main(String[] args) throws Exception {
        int agents = Integer.parseInt(args[3]);
        try (Connection c = DriverManager.getConnection(args[0], args[1], args[2])) {
            String agentsSql = """
                    select u.id, u.username from app_users u join user_roles r on r.user_id = u.id
                     where r.role = 'CHANNEL_AGENT' and u.enabled = true order by u.id""";
            int have = 0;
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(agentsSql)) {
                while (rs.next()) {
                    have++;
                }
            }
            try (PreparedStatement user = c.prepareStatement(
                            """
                            insert into app_users (username, password_hash, display_name, locale, created_at)
                            select ?, password_hash, ?, 'zh-CN', now() from app_users where username = 'agent'""",
                            Statement.RETURN_GENERATED_KEYS);
                    PreparedStatement role =
                            c.prepareStatement("insert into user_roles (user_id, role) values (?, 'CHANNEL_AGENT')");
                    PreparedStatement profile = c.prepareStatement(
                            """
                            insert into agent_profiles (user_id, presence, presence_since, capacity, skills)
                            values (?, 'AVAILABLE', now(), 5, '')""")) {
                for (int n = 1; have < agents; n++, have++) {
                    user.setString(1, "bench%03d".formatted(n));
                    user.setString(2, "压测坐席%03d".formatted(n));
                    user.executeUpdate();
                    long id;
                    try (ResultSet keys = user.getGeneratedKeys()) {
                        keys.next();
                        id = keys.getLong("id");
                    }
                    role.setLong(1, id);
                    role.executeUpdate();
                    profile.setLong(1, id);
                    profile.executeUpdate();
                }
            }
            List<String> names = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(agentsSql)) {
                while (rs.next() && names.size() < agents) {
                    names.add(rs.getString(2));
                }
            }
            names.forEach(System.out::println);
        }
    }
}
