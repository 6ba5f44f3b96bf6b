package dev.backstop.helpdesk.outreach.internal;

import dev.backstop.helpdesk.identity.CurrentUser;
import dev.backstop.helpdesk.identity.Role;
import dev.backstop.helpdesk.outreach.Campaign;
import dev.backstop.helpdesk.outreach.CampaignFigures;
import dev.backstop.helpdesk.outreach.CampaignInput;
import dev.backstop.helpdesk.outreach.CampaignNotFound;
import dev.backstop.helpdesk.outreach.CampaignRefused;
import dev.backstop.helpdesk.outreach.CampaignState;
import dev.backstop.helpdesk.outreach.DeliveryStatus;
import dev.backstop.helpdesk.outreach.OutreachCampaigns;
import dev.backstop.helpdesk.outreach.OutreachChannel;
import dev.backstop.helpdesk.outreach.Recipient;
import dev.backstop.helpdesk.outreach.RecipientPage;
import dev.backstop.helpdesk.outreach.ResponseForm;
import dev.backstop.helpdesk.outreach.TargetGroup;
import dev.backstop.helpdesk.outreach.TargetPreview;
import dev.backstop.helpdesk.tickets.Desk;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Campaigns from draft to sent: validation, target preview, the fixed recipient list, cancel, figures. */
@Service
@Transactional
class CampaignService implements OutreachCampaigns {

    static final int MAX_SUBJECT = 200;
    static final int MAX_BODY = 4000;
    static final int MAX_SMS = 500;

    private final JdbcTemplate jdbc;
    private final Targets targets;
    private final CampaignRows rows;
    private final Responses responses;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CampaignService(
            JdbcTemplate jdbc,
            Targets targets,
            CampaignRows rows,
            Responses responses,
            ApplicationEventPublisher events,
            Clock clock) {
        this.jdbc = jdbc;
        this.targets = targets;
        this.rows = rows;
        this.responses = responses;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public Campaign create(CampaignInput input, CurrentUser by) {
        requireManager(by);
        String name = input.name() == null ? "" : input.name().strip();
        if (name.isEmpty()) {
            throw CampaignRefused.invalid("outreach.error.nameRequired");
        }
        limit(name, MAX_SUBJECT, "name");
        Desk desk = input.desk() != null
                ? input.desk()
                : input.audience() == TargetGroup.EMPLOYEES ? Desk.HR : Desk.CHANNEL;
        if (desk == Desk.EXPERT) {
            throw CampaignRefused.invalid("outreach.error.desk", desk.name());
        }
        Targets.Filter filter =
                targets.check(input.audience(), input.regions(), input.tiers(), input.branches(), input.channel());
        boolean email = filter.channel() == OutreachChannel.EMAIL;
        String subjectZh = text(input.subjectZh(), email, "subjectZh", MAX_SUBJECT);
        String subjectEn = text(input.subjectEn(), email, "subjectEn", MAX_SUBJECT);
        String bodyZh = text(input.bodyZh(), true, "bodyZh", email ? MAX_BODY : MAX_SMS);
        String bodyEn = text(input.bodyEn(), true, "bodyEn", email ? MAX_BODY : MAX_SMS);
        for (String template : new String[] {subjectZh, subjectEn, bodyZh, bodyEn}) {
            Templates.check(template, filter.audience());
        }
        if (targets.resolve(filter).isEmpty()) {
            throw CampaignRefused.invalid("outreach.error.noTargets");
        }
        long id = rows.insert(
                name,
                desk,
                filter,
                email ? subjectZh : null,
                bodyZh,
                email ? subjectEn : null,
                bodyEn,
                by.id(),
                clock.instant());
        return get(id, by);
    }

    @Override
    @Transactional(readOnly = true)
    public TargetPreview preview(CampaignInput input, int limit, CurrentUser by) {
        requireManager(by);
        return preview(
                targets.resolve(targets.check(
                        input.audience(), input.regions(), input.tiers(), input.branches(), input.channel())),
                limit);
    }

    private static TargetPreview preview(List<Targets.Target> resolved, int limit) {
        int skipped = (int) resolved.stream()
                .filter(t -> t.recipient().status() == DeliveryStatus.SKIPPED)
                .count();
        return new TargetPreview(
                resolved.size(),
                resolved.size() - skipped,
                skipped,
                resolved.stream()
                        .limit(Math.max(0, limit))
                        .map(Targets.Target::recipient)
                        .toList());
    }

    @Override
    @Transactional(readOnly = true)
    public List<Campaign> list(CurrentUser by) {
        requireManager(by);
        Map<Long, CampaignFigures> figures = rows.figuresOfAll();
        return rows.all().stream()
                .map(row -> row.toCampaign(
                        row.state() == CampaignState.DRAFT
                                ? draftFigures(row)
                                : figures.getOrDefault(row.id(), CampaignFigures.of(0, 0, 0, 0, 0, 0, 0))))
                .toList();
    }

    @Override
    @Transactional(readOnly = true)
    public Campaign get(long id, CurrentUser by) {
        requireManager(by);
        CampaignRows.Row row = rows.find(id).orElseThrow(() -> new CampaignNotFound(id));
        return row.toCampaign(row.state() == CampaignState.DRAFT ? draftFigures(row) : rows.figures(id));
    }

    private CampaignFigures draftFigures(CampaignRows.Row row) {
        TargetPreview preview = preview(targets.resolve(row.filter()), 0);
        return CampaignFigures.of(preview.total(), preview.reachable(), 0, preview.skipped(), 0, 0, 0);
    }

    @Override
    @Transactional(readOnly = true)
    public RecipientPage recipients(long id, DeliveryStatus status, int page, int size, CurrentUser by) {
        requireManager(by);
        CampaignRows.Row row = rows.find(id).orElseThrow(() -> new CampaignNotFound(id));
        int p = Math.max(0, page);
        int s = Math.clamp(size, 1, 500);
        if (row.state() != CampaignState.DRAFT) {
            return rows.recipients(id, status, p, s);
        }
        List<Recipient> all = targets.resolve(row.filter()).stream()
                .map(Targets.Target::recipient)
                .filter(r -> status == null || r.status() == status)
                .toList();
        return new RecipientPage(
                all.size(), p, s, all.stream().skip((long) p * s).limit(s).toList());
    }

    @Override
    public Campaign send(long id, CurrentUser by) {
        requireManager(by);
        Instant now = clock.instant();
        if (jdbc.update(
                        "update outreach_campaigns set state = 'SENDING', send_requested_at = ? where id = ? and state = 'DRAFT'",
                        Timestamp.from(now),
                        id)
                == 0) {
            CampaignRows.Row row = rows.find(id).orElseThrow(() -> new CampaignNotFound(id));
            throw CampaignRefused.conflict(
                    row.state() == CampaignState.CANCELLED ? "outreach.error.cancelled" : "outreach.error.alreadySent",
                    row.name());
        }
        CampaignRows.Row row = rows.find(id).orElseThrow(() -> new CampaignNotFound(id));
        List<Targets.Target> resolved = targets.resolve(row.filter());
        if (resolved.isEmpty()) {
            throw CampaignRefused.invalid("outreach.error.noTargets");
        }
        if (resolved.stream().noneMatch(t -> t.recipient().status() == DeliveryStatus.QUEUED)) {
            throw CampaignRefused.invalid("outreach.error.nobodyReachable", String.valueOf(resolved.size()));
        }
        rows.insertRecipients(id, resolved);
        events.publishEvent(new SendRequested(id));
        return get(id, by);
    }

    @Override
    public Campaign cancel(long id, CurrentUser by) {
        requireManager(by);
        Instant now = clock.instant();
        if (jdbc.update("""
                update outreach_campaigns set state = 'CANCELLED', cancelled_at = ?
                 where id = ? and state in ('DRAFT', 'SENDING')""", Timestamp.from(now), id) == 0) {
            CampaignRows.Row row = rows.find(id).orElseThrow(() -> new CampaignNotFound(id));
            throw CampaignRefused.conflict(
                    "outreach.error.notCancellable", row.name(), row.state().name());
        }
        jdbc.update("""
                update outreach_recipients set status = 'SKIPPED', reason = 'outreach.skip.cancelled'
                 where campaign_id = ? and status = 'QUEUED'""", id);
        return get(id, by);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<ResponseForm> responseForm(String token) {
        return responses.form(token);
    }

    @Override
    public String respond(String token, String text) {
        return responses.respond(token, text);
    }

    private static void requireManager(CurrentUser by) {
        if (by == null || !by.hasAny(Role.ADMIN, Role.SUPERVISOR)) {
            throw new CampaignRefused(403, "outreach.error.forbidden");
        }
    }

    private static String text(String value, boolean required, String field, int max) {
        String text = value == null || value.isBlank() ? null : value.strip();
        if (text == null && required) {
            throw CampaignRefused.invalid("outreach.error.missing." + field);
        }
        limit(text, max, field);
        return text;
    }

    private static void limit(String text, int max, String field) {
        if (text != null && text.length() > max) {
            throw CampaignRefused.invalid(
                    "outreach.error.tooLong." + field, String.valueOf(max), String.valueOf(text.length()));
        }
    }
}
