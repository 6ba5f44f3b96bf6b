package dev.backstop.helpdesk.outreach.internal;

import dev.backstop.helpdesk.outreach.Campaign;
import dev.backstop.helpdesk.outreach.CampaignFigures;
import dev.backstop.helpdesk.outreach.CampaignState;
import dev.backstop.helpdesk.outreach.DeliveryStatus;
import dev.backstop.helpdesk.outreach.MessageLanguage;
import dev.backstop.helpdesk.outreach.OutreachChannel;
import dev.backstop.helpdesk.outreach.Recipient;
import dev.backstop.helpdesk.outreach.RecipientPage;
import dev.backstop.helpdesk.outreach.TargetGroup;
import dev.backstop.helpdesk.tickets.Desk;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.SqlTypeValue;
import org.springframework.jdbc.core.StatementCreatorUtils;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/** The campaign and recipient tables. */
@Component
class CampaignRows {

    /** A campaign row with its templates and filter. */
    record Row(
            long id,
            String name,
            Desk desk,
            TargetGroup audience,
            List<String> regions,
            List<String> tiers,
            List<String> branches,
            OutreachChannel channel,
            String subjectZh,
            String bodyZh,
            String subjectEn,
            String bodyEn,
            CampaignState state,
            long createdBy,
            String createdByName,
            Instant createdAt,
            Instant sentAt) {

        Targets.Filter filter() {
            return new Targets.Filter(audience, regions, tiers, branches, channel);
        }

        Campaign toCampaign(CampaignFigures figures) {
            return new Campaign(
                    id,
                    name,
                    desk,
                    audience,
                    regions,
                    tiers,
                    branches,
                    channel,
                    subjectZh,
                    bodyZh,
                    subjectEn,
                    bodyEn,
                    state,
                    createdByName,
                    createdAt,
                    sentAt,
                    figures);
        }
    }

    private static final String SELECT = """
            select c.id, c.name, c.desk, c.audience, c.region_codes, c.tiers, c.branch_codes, c.channel, c.subject_zh,
                   c.body_zh, c.subject_en, c.body_en, c.state, c.created_by, u.display_name, c.created_at, c.sent_at
              from outreach_campaigns c left join app_users u on u.id = c.created_by""";

    private static final RowMapper<Row> ROW = (rs, i) -> new Row(
            rs.getLong(1),
            rs.getString(2),
            Desk.valueOf(rs.getString(3)),
            TargetGroup.valueOf(rs.getString(4)),
            split(rs.getString(5)),
            split(rs.getString(6)),
            split(rs.getString(7)),
            OutreachChannel.valueOf(rs.getString(8)),
            rs.getString(9),
            rs.getString(10),
            rs.getString(11),
            rs.getString(12),
            CampaignState.valueOf(rs.getString(13)),
            rs.getLong(14),
            rs.getString(15),
            instant(rs.getTimestamp(16)),
            instant(rs.getTimestamp(17)));

    private static final String FIGURES = """
            select campaign_id, count(*),
                   sum(case when status in ('QUEUED', 'SENDING') then 1 else 0 end),
                   sum(case when status = 'SENT' then 1 else 0 end),
                   sum(case when status = 'SKIPPED' then 1 else 0 end),
                   sum(case when status = 'FAILED' then 1 else 0 end),
                   sum(case when responded_at is not null then 1 else 0 end),
                   sum(case when ticket_id is not null then 1 else 0 end)
              from outreach_recipients""";

    private final JdbcTemplate jdbc;

    CampaignRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    long insert(
            String name,
            Desk desk,
            Targets.Filter filter,
            String subjectZh,
            String bodyZh,
            String subjectEn,
            String bodyEn,
            long createdBy,
            Instant now) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(
                connection -> {
                    var statement = connection.prepareStatement("""
                    insert into outreach_campaigns (name, desk, audience, region_codes, tiers, branch_codes, channel,
                                                    subject_zh, body_zh, subject_en, body_en, state, created_by, created_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'DRAFT', ?, ?)""", new String[] {"id"});
                    Object[] values = {
                        name,
                        desk.name(),
                        filter.audience().name(),
                        joined(filter.regions()),
                        joined(filter.tiers()),
                        joined(filter.branches()),
                        filter.channel().name(),
                        subjectZh,
                        bodyZh,
                        subjectEn,
                        bodyEn,
                        createdBy,
                        Timestamp.from(now)
                    };
                    for (int i = 0; i < values.length; i++) {
                        StatementCreatorUtils.setParameterValue(statement, i + 1, SqlTypeValue.TYPE_UNKNOWN, values[i]);
                    }
                    return statement;
                },
                key);
        return key.getKey().longValue();
    }

    Optional<Row> find(long id) {
        return jdbc.query(SELECT + " where c.id = ?", ROW, id).stream().findFirst();
    }

    List<Row> all() {
        return jdbc.query(SELECT + " order by c.id desc", ROW);
    }

    CampaignFigures figures(long id) {
        return jdbc.query(FIGURES + " where campaign_id = ? group by campaign_id", (rs, i) -> figures(rs), id).stream()
                .findFirst()
                .orElse(CampaignFigures.of(0, 0, 0, 0, 0, 0, 0));
    }

    Map<Long, CampaignFigures> figuresOfAll() {
        Map<Long, CampaignFigures> all = new HashMap<>();
        jdbc.query(FIGURES + " group by campaign_id", rs -> {
            all.put(rs.getLong(1), figures(rs));
        });
        return all;
    }

    private static CampaignFigures figures(ResultSet rs) throws SQLException {
        return CampaignFigures.of(
                rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5), rs.getInt(6), rs.getInt(7), rs.getInt(8));
    }

    RecipientPage recipients(long campaignId, DeliveryStatus status, int page, int size) {
        String where = " where campaign_id = ?" + (status == null ? "" : " and status = ?");
        Object[] args = status == null ? new Object[] {campaignId} : new Object[] {campaignId, status.name()};
        int total = jdbc.queryForObject("select count(*) from outreach_recipients" + where, Integer.class, args);
        List<Object> paged = new ArrayList<>(Arrays.asList(args));
        paged.add(size);
        paged.add((long) page * size);
        List<Recipient> recipients = jdbc.query(
                """
                select id, recipient_kind, recipient_ref, code, name, organization, address, language, status, reason,
                       detail, sent_at, responded_at, ticket_id, ticket_key
                  from outreach_recipients""" + where + " order by id limit ? offset ?",
                (rs, i) -> new Recipient(
                        rs.getLong(1),
                        TargetGroup.valueOf(rs.getString(2)),
                        rs.getLong(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7),
                        MessageLanguage.valueOf(rs.getString(8)),
                        DeliveryStatus.valueOf(rs.getString(9)),
                        rs.getString(10),
                        rs.getString(11),
                        instant(rs.getTimestamp(12)),
                        instant(rs.getTimestamp(13)),
                        (Long) rs.getObject(14, Long.class),
                        rs.getString(15)),
                paged.toArray());
        return new RecipientPage(total, page, size, recipients);
    }

    void insertRecipients(long campaignId, List<Targets.Target> targets) {
        jdbc.batchUpdate("""
                insert into outreach_recipients (campaign_id, recipient_kind, recipient_ref, contact_id, code, name,
                                                 organization, address, language, status, reason)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", targets, 500, (statement, target) -> {
            Recipient r = target.recipient();
            statement.setLong(1, campaignId);
            statement.setString(2, r.kind().name());
            statement.setLong(3, r.ref());
            StatementCreatorUtils.setParameterValue(statement, 4, java.sql.Types.BIGINT, target.contactId());
            statement.setString(5, r.code());
            statement.setString(6, r.name());
            statement.setString(7, r.organization());
            statement.setString(8, r.address());
            statement.setString(9, r.language().name());
            statement.setString(10, r.status().name());
            statement.setString(11, r.reason());
        });
    }

    static String joined(List<String> codes) {
        return codes.isEmpty() ? null : String.join(",", codes);
    }

    static List<String> split(String codes) {
        return codes == null || codes.isBlank() ? List.of() : List.of(codes.split(","));
    }

    static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
