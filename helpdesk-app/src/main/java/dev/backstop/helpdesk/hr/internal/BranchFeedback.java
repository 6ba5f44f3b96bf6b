package dev.backstop.helpdesk.hr.internal;

import dev.backstop.helpdesk.hr.FeedbackLimited;
import dev.backstop.helpdesk.hr.FeedbackTopic;
import dev.backstop.helpdesk.hr.HrRecordNotFound;
import dev.backstop.helpdesk.hr.InvalidHrInput;
import dev.backstop.helpdesk.identity.CurrentUser;
import dev.backstop.helpdesk.identity.Role;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Feedback about a branch (issue 15). Anyone may give it — an employee or family member signed in, or anyone through
 * the public form — and choose anonymity (the public form is always anonymous). Anonymous feedback stores nothing about
 * the submitter: no user, name, address or session, the day but not the time; this class logs nothing and publishes no
 * event (an event publication row would carry the payload). The submitter follows the case and replies with the private
 * token returned once by {@link #submit}; only its hash is stored. HR staff (HR_AGENT, HR_PAYROLL) read and answer every
 * case; non-anonymous feedback keeps its submitter's name for them. Its own table, not a ticket: a ticket has a
 * requester, a creator, a timeline author, events and a search index, each a column through which an identity could
 * come back (ADR "anonymous feedback").
 */
@Service
public class BranchFeedback {

    static final int MAX_BODY = 4000;

    private final JdbcTemplate jdbc;
    private final FeedbackThrottle throttle;
    private final Clock clock;

    BranchFeedback(JdbcTemplate jdbc, FeedbackThrottle throttle, Clock clock) {
        this.jdbc = jdbc;
        this.throttle = throttle;
        this.clock = clock;
    }

    public record Submission(String branchCode, FeedbackTopic topic, String body, boolean anonymous) {}

    /** What the submitter gets once: the token (never shown again) and whether the case is anonymous. */
    public record Submitted(String token, boolean anonymous) {}

    public record Reply(boolean fromHr, String author, String body, LocalDate on) {}

    /** One case as its submitter (by token) and HR staff read it; {@code submitter} is null when anonymous. */
    public record Case(
            long id,
            String branchCode,
            String branchName,
            String branchNameEn,
            FeedbackTopic topic,
            String body,
            boolean anonymous,
            String submitter,
            String state,
            LocalDate submittedOn,
            List<Reply> replies) {}

    public record Summary(
            long id,
            String branchCode,
            String branchName,
            FeedbackTopic topic,
            boolean anonymous,
            String submitter,
            String state,
            LocalDate submittedOn,
            LocalDate lastActivityOn,
            String excerpt) {}

    /**
     * Stores the feedback and returns its token. {@code user} is null for the public form, which is anonymous whatever
     * it says. {@code sender} keys the day's throttle only (an address or a user id; hashed, in memory).
     */
    @Transactional
    public Submitted submit(Submission submission, @Nullable CurrentUser user, String sender) {
        Long branchId = branchId(submission.branchCode());
        if (submission.topic() == null) {
            throw new InvalidHrInput("hr.feedback.error.topic");
        }
        String body = text(submission.body());
        // only employees and family members give named feedback; anyone else is anonymous like the public form
        boolean anonymous = user == null || submission.anonymous() || !user.hasAny(Role.EMPLOYEE, Role.FAMILY);
        if (!throttle.allow(user == null ? "address:" + sender : "user:" + user.id())) {
            throw new FeedbackLimited(throttle.perDay());
        }
        String token = FeedbackTokens.newToken();
        LocalDate today = today();
        jdbc.update(
                """
                insert into hr_feedback (token_hash, branch_id, topic, body, anonymous, submitter_user_id, submitter_name,
                                         state, submitted_on, last_activity_on) values (?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, ?)""",
                FeedbackTokens.hash(token),
                branchId,
                submission.topic().name(),
                body,
                anonymous,
                anonymous ? null : user.id(),
                anonymous ? null : user.displayName(),
                Date.valueOf(today),
                Date.valueOf(today));
        return new Submitted(token, anonymous);
    }

    /** A token that opens nothing, for the page a bot gets when it fills the honeypot field. */
    public static String decoyToken() {
        return FeedbackTokens.newToken();
    }

    /** The case behind a token; 404 for a token nobody holds. */
    @Transactional(readOnly = true)
    public Case byToken(String token) {
        return find(idByToken(token)).orElseThrow(HrRecordNotFound::new);
    }

    /** The submitter's reply (anonymous ones carry no name); the case is open again for HR. */
    @Transactional
    public Case replyByToken(String token, String body) {
        long id = idByToken(token);
        String text = text(body);
        jdbc.update("""
                insert into hr_feedback_replies (feedback_id, from_hr, author_name, body, written_on)
                select id, false, submitter_name, ?, ? from hr_feedback where id = ?""", text, Date.valueOf(today()), id);
        jdbc.update(
                "update hr_feedback set state = 'OPEN', last_activity_on = ? where id = ?", Date.valueOf(today()), id);
        return byToken(token);
    }

    /** HR staff: the cases, open first, newest first; {@code q} filters on the text, branch and topic. */
    @Transactional(readOnly = true)
    public List<Summary> list(String q) {
        List<Object> args = new ArrayList<>();
        String where = "";
        if (q != null && !q.isBlank()) {
            where = " where f.body ilike ? or b.name ilike ? or b.code ilike ? or f.topic ilike ?";
            String like = "%" + q.strip() + "%";
            args.addAll(List.of(like, like, like, like));
        }
        return jdbc.query(
                """
                select f.id, b.code, b.name, f.topic, f.anonymous, f.submitter_name, f.state, f.submitted_on,
                       f.last_activity_on, f.body
                  from hr_feedback f join branches b on b.id = f.branch_id%s
                 order by case when f.state = 'OPEN' then 0 else 1 end, f.last_activity_on desc, f.id desc
                 fetch first 200 rows only""".formatted(where),
                (rs, n) -> new Summary(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        FeedbackTopic.valueOf(rs.getString(4)),
                        rs.getBoolean(5),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getDate(8).toLocalDate(),
                        rs.getDate(9).toLocalDate(),
                        excerpt(rs.getString(10))),
                args.toArray());
    }

    @Transactional(readOnly = true)
    public Case get(long id) {
        return find(id).orElseThrow(HrRecordNotFound::new);
    }

    /** HR's answer, under the HR person's name; the case counts as answered until the submitter replies. */
    @Transactional
    public Case answer(long id, CurrentUser user, String body) {
        get(id);
        jdbc.update(
                "insert into hr_feedback_replies (feedback_id, from_hr, author_name, body, written_on) values (?, true, ?, ?, ?)",
                id,
                user.displayName(),
                text(body),
                Date.valueOf(today()));
        jdbc.update(
                "update hr_feedback set state = 'ANSWERED', last_activity_on = ? where id = ?",
                Date.valueOf(today()),
                id);
        return get(id);
    }

    /** The branches feedback may be about, for the forms. */
    public List<String[]> branches() {
        return jdbc.query("select code, name, name_en from branches order by code", (rs, n) ->
                new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
    }

    private java.util.Optional<Case> find(long id) {
        List<Case> found = jdbc.query("""
                select f.id, b.code, b.name, b.name_en, f.topic, f.body, f.anonymous, f.submitter_name, f.state,
                       f.submitted_on
                  from hr_feedback f join branches b on b.id = f.branch_id where f.id = ?""", (rs, n) -> caseOf(rs), id);
        return found.stream().findFirst();
    }

    private Case caseOf(ResultSet rs) throws SQLException {
        long id = rs.getLong(1);
        return new Case(
                id,
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                FeedbackTopic.valueOf(rs.getString(5)),
                rs.getString(6),
                rs.getBoolean(7),
                rs.getString(8),
                rs.getString(9),
                rs.getDate(10).toLocalDate(),
                jdbc.query(
                        "select from_hr, author_name, body, written_on from hr_feedback_replies where feedback_id = ? order by id",
                        (r, n) -> new Reply(
                                r.getBoolean(1),
                                r.getString(2),
                                r.getString(3),
                                r.getDate(4).toLocalDate()),
                        id));
    }

    private long idByToken(String token) {
        if (!FeedbackTokens.wellFormed(token)) {
            throw new HrRecordNotFound();
        }
        List<Long> ids = jdbc.queryForList(
                "select id from hr_feedback where token_hash = ?", Long.class, FeedbackTokens.hash(token));
        if (ids.isEmpty()) {
            throw new HrRecordNotFound();
        }
        return ids.getFirst();
    }

    private Long branchId(String code) {
        List<Long> ids = code == null
                ? List.of()
                : jdbc.queryForList("select id from branches where code = ?", Long.class, code.strip());
        if (ids.isEmpty()) {
            throw new InvalidHrInput("hr.feedback.error.branch", code == null ? "" : code);
        }
        return ids.getFirst();
    }

    private static String text(String body) {
        if (body == null || body.isBlank()) {
            throw new InvalidHrInput("hr.feedback.error.empty");
        }
        if (body.length() > MAX_BODY) {
            throw new InvalidHrInput("hr.feedback.error.long", MAX_BODY);
        }
        return body.strip();
    }

    private static String excerpt(String body) {
        return body.length() <= 120 ? body : body.substring(0, 120) + "…";
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneOffset.UTC));
    }
}
