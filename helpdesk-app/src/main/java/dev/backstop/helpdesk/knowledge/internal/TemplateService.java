package dev.backstop.helpdesk.knowledge.internal;

import dev.backstop.helpdesk.identity.CurrentUser;
import dev.backstop.helpdesk.knowledge.ComposerAids;
import dev.backstop.helpdesk.knowledge.RenderedTemplate;
import dev.backstop.helpdesk.knowledge.ReplyTemplate;
import dev.backstop.helpdesk.knowledge.ReplyTemplates;
import dev.backstop.helpdesk.knowledge.TemplateFilter;
import dev.backstop.helpdesk.knowledge.TemplateInput;
import dev.backstop.helpdesk.knowledge.TemplateKind;
import dev.backstop.helpdesk.knowledge.TemplateNotFound;
import dev.backstop.helpdesk.knowledge.TemplateRefused;
import dev.backstop.helpdesk.knowledge.TemplateState;
import dev.backstop.helpdesk.knowledge.TemplateVersion;
import dev.backstop.helpdesk.tickets.Desk;
import dev.backstop.helpdesk.tickets.TicketDetails;
import dev.backstop.helpdesk.tickets.TicketManagement;
import dev.backstop.helpdesk.tickets.TicketType;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reply templates and call scripts: saved with a version per save, read by staff, filled from tickets.
 *
 * <p>About 370 lines on purpose: saving a template (versions, validation, the editor rule) and using it on a ticket
 * (rendering, the composer's suggestions) read the same row and the same staff and audience rules; {@link
 * TemplateText} fills the variables.
 */
@Service
class TemplateService implements ReplyTemplates {

    static final int MAX_NAME = 200;
    static final int MAX_BODY = 20_000;
    private static final Set<String> LANGUAGES = Set.of("zh", "en");
    private static final String SELECT = """
            select t.id, t.kind, t.name, t.desk, t.language, t.call_type, t.body, t.state, t.version, u.display_name,
                   t.updated_at, t.created_at
              from kb_templates t left join app_users u on u.id = t.updated_by""";

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final TicketManagement tickets;
    private final TemplateText text;

    TemplateService(JdbcTemplate jdbc, Clock clock, TicketManagement tickets, TemplateText text) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.tickets = tickets;
        this.text = text;
    }

    @Override
    public List<String> variables() {
        return TemplateText.VARIABLES;
    }

    @Override
    public boolean mayEdit(CurrentUser user) {
        return user.roles().stream().anyMatch(ArticleService.EDITORS::contains);
    }

    @Override
    public List<ReplyTemplate> list(TemplateFilter filter, CurrentUser reader) {
        requireStaff(reader);
        StringBuilder sql = new StringBuilder(SELECT).append(" where 1 = 1");
        List<Object> args = new ArrayList<>();
        if (filter.kind() != null) {
            sql.append(" and t.kind = ?");
            args.add(filter.kind().name());
        }
        if (filter.desk() != null) {
            sql.append(" and t.desk = ?");
            args.add(filter.desk().name());
        }
        if (filter.language() != null && !filter.language().isBlank()) {
            sql.append(" and t.language = ?");
            args.add(language(filter.language()));
        }
        if (filter.state() != null) {
            sql.append(" and t.state = ?");
            args.add(filter.state().name());
        }
        sql.append(" order by t.kind, t.desk, t.language, t.name, t.id");
        return jdbc.query(sql.toString(), TemplateService::map, args.toArray());
    }

    @Override
    public ReplyTemplate get(long id, CurrentUser reader) {
        requireStaff(reader);
        return find(id);
    }

    @Override
    @Transactional
    public ReplyTemplate create(TemplateInput input, CurrentUser by) {
        requireEditor(by);
        Valid valid = validate(input);
        Instant now = clock.instant();
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.update(
                connection -> {
                    var statement = connection.prepareStatement("""
                    insert into kb_templates (kind, name, desk, language, call_type, body, state, version, updated_by,
                                              updated_at, created_at)
                    values (?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?)""", new String[] {"id"});
                    statement.setString(1, input.kind().name());
                    statement.setString(2, valid.name());
                    statement.setString(3, input.desk().name());
                    statement.setString(4, valid.language());
                    statement.setString(
                            5,
                            input.callType() == null ? null : input.callType().name());
                    statement.setString(6, valid.body());
                    statement.setString(7, (input.state() == null ? TemplateState.ACTIVE : input.state()).name());
                    statement.setLong(8, by.id());
                    statement.setTimestamp(9, Timestamp.from(now));
                    statement.setTimestamp(10, Timestamp.from(now));
                    return statement;
                },
                keys);
        long id = keys.getKey().longValue();
        saveVersion(id);
        return find(id);
    }

    @Override
    @Transactional
    public ReplyTemplate update(long id, TemplateInput input, Integer expectedVersion, CurrentUser by) {
        requireEditor(by);
        ReplyTemplate current = find(id);
        if (expectedVersion != null && expectedVersion != current.version()) {
            throw new TemplateRefused(409, "knowledge.template.error.changedConcurrently", current.version());
        }
        Valid valid = validate(input);
        TemplateState state = input.state() == null ? current.state() : input.state();
        int changed = jdbc.update(
                """
                update kb_templates set kind = ?, name = ?, desk = ?, language = ?, call_type = ?, body = ?, state = ?,
                       version = version + 1, updated_by = ?, updated_at = ?
                 where id = ? and version = ?""",
                input.kind().name(),
                valid.name(),
                input.desk().name(),
                valid.language(),
                input.callType() == null ? null : input.callType().name(),
                valid.body(),
                state.name(),
                by.id(),
                Timestamp.from(clock.instant()),
                id,
                current.version());
        if (changed == 0) {
            throw new TemplateRefused(409, "knowledge.template.error.changedConcurrently", current.version());
        }
        saveVersion(id);
        return find(id);
    }

    @Override
    @Transactional
    public ReplyTemplate archive(long id, Integer expectedVersion, CurrentUser by) {
        requireEditor(by);
        ReplyTemplate current = find(id);
        return update(
                id,
                new TemplateInput(
                        current.kind(),
                        current.name(),
                        current.desk(),
                        current.language(),
                        current.callType(),
                        current.body(),
                        TemplateState.ARCHIVED),
                expectedVersion,
                by);
    }

    @Override
    public List<TemplateVersion> versions(long id, CurrentUser reader) {
        requireStaff(reader);
        find(id);
        return jdbc.query(
                """
                select v.version, v.kind, v.name, v.desk, v.language, v.call_type, v.body, v.state, u.display_name,
                       v.changed_at
                  from kb_template_versions v left join app_users u on u.id = v.changed_by
                 where v.template_id = ? order by v.version desc""",
                (rs, n) -> new TemplateVersion(
                        rs.getInt(1),
                        TemplateKind.valueOf(rs.getString(2)),
                        rs.getString(3),
                        Desk.valueOf(rs.getString(4)),
                        rs.getString(5),
                        callType(rs.getString(6)),
                        rs.getString(7),
                        TemplateState.valueOf(rs.getString(8)),
                        rs.getString(9),
                        rs.getTimestamp(10).toInstant()),
                id);
    }

    @Override
    public RenderedTemplate render(long templateId, long ticketId, CurrentUser reader) {
        requireStaff(reader);
        ReplyTemplate template = find(templateId);
        return render(template, tickets.get(ticketId, reader), reader);
    }

    @Override
    public ComposerAids forTicket(long ticketId, String language, CurrentUser reader) {
        requireStaff(reader);
        TicketDetails ticket = tickets.get(ticketId, reader);
        String preferred = language == null ? "zh" : language;
        Map<Long, String> topics = topics(ticket.desk());
        String topic = ticket.topic() == null ? null : ticket.topic().name();
        Comparator<ReplyTemplate> languageFirst =
                Comparator.comparing(t -> !t.language().equals(preferred));
        Comparator<ReplyTemplate> bestFirst = Comparator.<ReplyTemplate>comparingInt(
                        t -> fit(t, topics.get(t.id()), ticket.type(), topic))
                .thenComparing(languageFirst)
                .thenComparing(ReplyTemplate::name);
        List<ReplyTemplate> replies =
                list(new TemplateFilter(TemplateKind.REPLY, ticket.desk(), null, TemplateState.ACTIVE), reader).stream()
                        .sorted(bestFirst)
                        .toList();
        // a script is what the agent says on this call: only the topic's or the type's own scripts and the desk's
        // general ones
        List<RenderedTemplate> scripts =
                list(new TemplateFilter(TemplateKind.SCRIPT, ticket.desk(), null, TemplateState.ACTIVE), reader)
                        .stream()
                        .filter(script -> fit(script, topics.get(script.id()), ticket.type(), topic) < OTHER_TYPE)
                        .sorted(bestFirst)
                        .map(script -> render(script, ticket, reader))
                        .toList();
        return new ComposerAids(replies, scripts);
    }

    /** Issue 15 hr-topics: the templates of a desk written for one HR topic (id → topic code). */
    private Map<Long, String> topics(Desk desk) {
        Map<Long, String> topics = new HashMap<>();
        jdbc.query(
                "select id, topic from kb_templates where desk = ? and topic is not null",
                rs -> {
                    topics.put(rs.getLong(1), rs.getString(2));
                },
                desk.name());
        return topics;
    }

    private static final int SAME_TOPIC = 0;
    private static final int SAME_TYPE = 1;
    private static final int ANY_TYPE = 2;
    private static final int OTHER_TYPE = 3;

    /**
     * How well a template fits a ticket: made for its topic, for its type, for any type of the desk, or for another
     * topic or type. A template naming a topic fits only tickets of that topic.
     */
    private static int fit(ReplyTemplate template, String templateTopic, TicketType type, String topic) {
        if (templateTopic != null) {
            return templateTopic.equals(topic) ? SAME_TOPIC : OTHER_TYPE;
        }
        return template.callType() == null ? ANY_TYPE : template.callType() == type ? SAME_TYPE : OTHER_TYPE;
    }

    private RenderedTemplate render(ReplyTemplate template, TicketDetails ticket, CurrentUser reader) {
        Locale locale = TemplateText.locale(template.language());
        TemplateText.Filled filled =
                text.fill(template.body(), template.kind(), text.values(ticket, reader, locale), locale);
        return new RenderedTemplate(
                template.id(),
                ticket.id(),
                template.kind(),
                template.name(),
                template.language(),
                filled.text(),
                filled.html(),
                filled.missing());
    }

    ReplyTemplate find(long id) {
        return jdbc.query(SELECT + " where t.id = ?", TemplateService::map, id).stream()
                .findFirst()
                .orElseThrow(() -> new TemplateNotFound(id));
    }

    private void saveVersion(long id) {
        jdbc.update("""
                insert into kb_template_versions (template_id, version, kind, name, desk, language, call_type, topic, body,
                                                  state, changed_by, changed_at)
                select id, version, kind, name, desk, language, call_type, topic, body, state, updated_by, updated_at
                  from kb_templates where id = ?""", id);
    }

    private void requireEditor(CurrentUser by) {
        if (!mayEdit(by)) {
            throw new TemplateRefused(403, "knowledge.template.error.notEditor");
        }
    }

    /** Templates are the staff's words: portal users never read them, not even through another module. */
    private static void requireStaff(CurrentUser reader) {
        if (reader.roles().stream().noneMatch(role -> !role.isPortalRole())) {
            throw new TemplateRefused(403, "knowledge.template.error.notStaff");
        }
    }

    private static Valid validate(TemplateInput input) {
        if (input.kind() == null) {
            throw new TemplateRefused(400, "knowledge.template.error.kindRequired");
        }
        String name = input.name() == null ? "" : input.name().strip();
        if (name.isEmpty()) {
            throw new TemplateRefused(400, "knowledge.template.error.nameRequired");
        }
        if (name.length() > MAX_NAME) {
            throw new TemplateRefused(400, "knowledge.template.error.nameTooLong", MAX_NAME);
        }
        if (input.desk() == null) {
            throw new TemplateRefused(400, "knowledge.template.error.deskRequired");
        }
        String language = language(input.language());
        String body = input.body() == null ? "" : input.body().strip().replace("\r\n", "\n");
        if (body.isEmpty()) {
            throw new TemplateRefused(400, "knowledge.template.error.bodyRequired");
        }
        if (body.length() > MAX_BODY) {
            throw new TemplateRefused(400, "knowledge.template.error.bodyTooLong", MAX_BODY);
        }
        TemplateText.check(body);
        return new Valid(name, language, body);
    }

    private static String language(String value) {
        String language = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        if (!LANGUAGES.contains(language)) {
            throw new TemplateRefused(400, "knowledge.template.error.language", String.valueOf(value));
        }
        return language;
    }

    private record Valid(String name, String language, String body) {}

    private static ReplyTemplate map(ResultSet rs, int n) throws SQLException {
        return new ReplyTemplate(
                rs.getLong(1),
                TemplateKind.valueOf(rs.getString(2)),
                rs.getString(3),
                Desk.valueOf(rs.getString(4)),
                rs.getString(5),
                callType(rs.getString(6)),
                rs.getString(7),
                TemplateState.valueOf(rs.getString(8)),
                rs.getInt(9),
                rs.getString(10),
                rs.getTimestamp(11).toInstant(),
                rs.getTimestamp(12).toInstant());
    }

    private static TicketType callType(String value) {
        return value == null ? null : TicketType.valueOf(value);
    }
}
