package dev.backstop.helpdesk.demo;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Date;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * Feedback about branches (issue 15, hr-feedback): one anonymous case answered by HR, which anyone opens on
 * {@code /feedback/follow} with the token {@link #TOKEN} (the README prints it); one named suggestion by the demo
 * employee; and enough anonymous rows over three branches and three months that branch oversight shows published
 * counts, a suppressed cell ("<5") and totals that count only what is shown.
 */
final class DemoFeedback {

    /** The demo case's private token (a real one is 22 random characters, shown once). */
    static final String TOKEN = "demo-feedback-token";

    private final org.springframework.jdbc.core.JdbcTemplate jdbc;

    DemoFeedback(org.springframework.jdbc.core.JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void load(LocalDate today, long employeeUserId, String employeeName, String hrName) {
        List<String> branches =
                jdbc.queryForList("select code from branches order by code fetch first 3 rows only", String.class);
        String first = branches.getFirst();
        long answered = insert(
                hash(TOKEN), first, "MANAGEMENT", "门店排班表经常临时变动，周末加班也没有提前通知，希望总部关注一下。", null, null, today.minusDays(6));
        reply(answered, true, hrName, "谢谢您的反馈。我们已请分行负责人核实排班情况，并要求今后排班至少提前一周公布。", today.minusDays(4));
        reply(answered, false, null, "这两周的排班已经提前公布了，谢谢。", today.minusDays(1));
        jdbc.update(
                "update hr_feedback set state = 'OPEN', last_activity_on = ? where id = ?",
                Date.valueOf(today.minusDays(1)),
                answered);
        insert(
                hash(UUID.randomUUID().toString()),
                first,
                "SUGGESTION",
                "建议在分行增设员工班车，晚班下班后交通不便。",
                employeeUserId,
                employeeName,
                today.minusDays(3));
        // the oversight's picture: counts of 5 and more, and a few small ones that show as "<5"
        Object[][] counts = {
            {0, "MANAGEMENT", 5, 0},
            {0, "WORKLOAD", 6, 1},
            {0, "CONDUCT", 2, 1},
            {1, "PAY_BENEFITS", 7, 0},
            {1, "SAFETY", 3, 2},
            {2, "FACILITIES", 5, 2},
            {2, "OTHER", 1, 0}
        };
        for (Object[] row : counts) {
            String branch = branches.get(Math.min((int) row[0], branches.size() - 1));
            for (int i = 0; i < (int) row[2]; i++) {
                insert(
                        hash(UUID.randomUUID().toString()),
                        branch,
                        (String) row[1],
                        "（演示）匿名反馈",
                        null,
                        null,
                        today.minusMonths((int) row[3]).minusDays(i % 5));
            }
        }
    }

    private long insert(
            String tokenHash, String branch, String topic, String body, Long userId, String name, LocalDate on) {
        jdbc.update(
                """
                insert into hr_feedback (token_hash, branch_id, topic, body, anonymous, submitter_user_id, submitter_name,
                                         state, submitted_on, last_activity_on)
                select ?, id, ?, ?, ?, ?, ?, 'OPEN', ?, ? from branches where code = ?""", tokenHash, topic, body, userId == null, userId, name, Date.valueOf(on), Date.valueOf(on), branch);
        return jdbc.queryForObject("select id from hr_feedback where token_hash = ?", Long.class, tokenHash);
    }

    private void reply(long feedbackId, boolean fromHr, String author, String body, LocalDate on) {
        jdbc.update(
                "insert into hr_feedback_replies (feedback_id, from_hr, author_name, body, written_on) values (?, ?, ?, ?, ?)",
                feedbackId,
                fromHr,
                author,
                body,
                Date.valueOf(on));
    }

    private static String hash(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
