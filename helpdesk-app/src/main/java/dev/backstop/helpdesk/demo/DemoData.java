package dev.backstop.helpdesk.demo;

import dev.backstop.helpdesk.calls.MissedCalls;
import dev.backstop.helpdesk.calls.ReportedCall;
import dev.backstop.helpdesk.calls.TelephonyDemo;
import dev.backstop.helpdesk.chat.WebChat;
import dev.backstop.helpdesk.identity.AgentProfiles;
import dev.backstop.helpdesk.identity.CurrentUser;
import dev.backstop.helpdesk.identity.Presence;
import dev.backstop.helpdesk.identity.Role;
import dev.backstop.helpdesk.identity.UserDirectory;
import dev.backstop.helpdesk.knowledge.KnowledgeArticles;
import dev.backstop.helpdesk.shared.DeskTime;
import dev.backstop.helpdesk.tickets.Desk;
import dev.backstop.helpdesk.tickets.TicketManagement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.ObjectMapper;

/**
 * Demo data on the first start of an empty database (off with BACKSTOP_DEMO_DATA=false): a company with
 * three regions and their branches, ~30 distributors, ~20 employees with families, one user per role
 * (password {@code demo}) and sample tickets in every desk. Loaded in one transaction: all or nothing.
 */
@Component
@Order(1)
class DemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final UserDirectory users;
    private final JdbcTemplate jdbc;
    private final PasswordEncoder encoder;
    private final TicketManagement tickets;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final DeskTime deskTime;
    private final boolean enabled;
    private final AgentProfiles agents;
    private final KnowledgeArticles knowledge;
    private final ObjectMapper json;
    private final MissedCalls calls;
    private final TelephonyDemo telephony;
    private final WebChat chat;

    DemoData(
            JdbcTemplate jdbc,
            PasswordEncoder encoder,
            TicketManagement tickets,
            TransactionTemplate transaction,
            Clock clock,
            DeskTime deskTime,
            AgentProfiles agents,
            KnowledgeArticles knowledge,
            ObjectMapper json,
            MissedCalls calls,
            TelephonyDemo telephony,
            UserDirectory users,
            WebChat chat,
            @Value("${backstop.demo-data:true}") boolean enabled) {
        this.calls = calls;
        this.telephony = telephony;
        this.chat = chat;
        this.users = users;
        this.agents = agents;
        this.knowledge = knowledge;
        this.json = json;
        this.jdbc = jdbc;
        this.encoder = encoder;
        this.tickets = tickets;
        this.transaction = transaction;
        this.clock = clock;
        this.deskTime = deskTime;
        this.enabled = enabled;
    }

    @Override
    public void run(ApplicationArguments args) {
        Long regions = jdbc.queryForObject("select count(*) from regions", Long.class);
        Long users = jdbc.queryForObject("select count(*) from app_users", Long.class);
        if (!enabled || regions == null || regions > 0 || users == null || users > 0) {
            return;
        }
        transaction.executeWithoutResult(status -> load());
    }

    private void load() {
        DemoCompany company = new DemoCompany(jdbc);
        company.load();
        new DemoChannel(jdbc, deskTime).load(company.distributors());
        String hash = encoder.encode("demo");
        long admin = user("admin", "系统管理员", hash, Set.of(Role.ADMIN), null, null, null, null);
        long supervisor = user("supervisor", "周主管", hash, Set.of(Role.SUPERVISOR), null, null, null, null);
        long agent = user("agent", "李坐席", hash, Set.of(Role.CHANNEL_AGENT), null, null, null, null);
        long backoffice =
                user("backoffice", "王物流", hash, Set.of(Role.BACK_OFFICE), null, null, null, company.department("LOG"));
        long frontline = user("frontline", "赵一线", hash, Set.of(Role.FRONTLINE), null, null, null, null);
        long expert = user("expert", "钱专家", hash, Set.of(Role.EXPERT), null, null, null, null);
        long hr = user("hr", "孙人事", hash, Set.of(Role.HR_AGENT), null, null, null, null);
        long payroll = user("payroll", "吴薪酬", hash, Set.of(Role.HR_PAYROLL), null, null, null, null);
        long hrLead = user("hrlead", "郑人事主管", hash, Set.of(Role.HR_AGENT, Role.HR_LEAD), null, null, null, null);
        long editor = user("editor", "林编辑", hash, Set.of(Role.KB_EDITOR), null, null, null, null);
        long employeeId = company.employee("E0007");
        long familyMemberId = company.firstFamilyMember(employeeId);
        String employeeName = jdbc.queryForObject("select name from employees where id = ?", String.class, employeeId);
        String familyName =
                jdbc.queryForObject("select name from family_members where id = ?", String.class, familyMemberId);
        long employee = user("employee", employeeName, hash, Set.of(Role.EMPLOYEE), null, employeeId, null, null);
        // caller verification on the phone (issue 15): E0007's ID number ends in 1024, the PIN is 2468 — hashes only
        jdbc.update(
                "insert into hr_caller_secrets (employee_id, id_last4_hash, pin_hash, updated_at) values (?, ?, ?, ?)",
                employeeId,
                encoder.encode("1024"),
                encoder.encode("2468"),
                Timestamp.from(clock.instant()));
        // issue 15 hr-gaps: the HR lead set them (the change is recorded, never the digits):
        // /workspace/hr/caller-factors
        jdbc.update("""
                insert into hr_caller_secret_changes (employee_id, factors, changed_by, changed_by_name, changed_by_role,
                                                      via, changed_at)
                values (?, 'ID_LAST4,PIN', ?, '郑人事主管', 'HR_LEAD', 'PAGE', ?)""", employeeId, hrLead, Timestamp.from(clock.instant()));
        long family = user("family", familyName, hash, Set.of(Role.FAMILY), null, null, familyMemberId, null);
        long distributor = user(
                "distributor",
                company.primaryContact("D0001"),
                hash,
                Set.of(Role.DISTRIBUTOR),
                company.distributor("D0001"),
                null,
                null,
                null);
        long distributor2 = user(
                "distributor2",
                company.primaryContact("D0002"),
                hash,
                Set.of(Role.DISTRIBUTOR),
                company.distributor("D0002"),
                null,
                null,
                null);
        agents.configure(agent, 8, List.of("ORDERS", "FINANCE", "POLICY"));
        agents.configure(expert, 5, List.of("PRODUCT"));
        agents.configure(hr, 6, List.of("BENEFITS"));
        agents.configure(payroll, 6, List.of("PAYROLL", "BENEFITS"));
        agents.configure(hrLead, 6, List.of("BENEFITS"));
        for (long available : List.of(agent, expert, hr, payroll)) {
            agents.setPresence(available, Presence.AVAILABLE);
        }
        var staff = new DemoTickets.Staff(
                as(admin), as(agent), as(backoffice), as(frontline), as(expert), as(hr), as(payroll));
        var portal = new DemoTickets.Portal(as(distributor), as(distributor2), as(employee), as(family));
        int count = new DemoTickets(tickets, company).load(staff, portal);
        int articles = new DemoArticles(knowledge, json).load(as(editor));
        DemoHr hrDesk = new DemoHr(jdbc);
        hrDesk.load(
                employeeId,
                familyMemberId,
                List.of(company.employee("E0004"), company.employee("E0010")),
                clock.instant(),
                deskTime.zone());
        hrDesk.linkArticles();
        hrDesk.assignLeaveQuestion(tickets, employeeId, as(hr), as(admin));
        new DemoFeedback(jdbc)
                .load(LocalDate.ofInstant(clock.instant(), deskTime.zone()), employee, employeeName, "孙人事");
        hrDesk.confidentialCase(tickets, company.employee("E0004"), as(hr), as(hrLead));
        new DemoOutreach(jdbc, tickets).load(as(supervisor), clock.instant());
        int callbacks = missedCalls(as(supervisor));
        telephony.load(as(supervisor), as(agent)); // issue 16: demo-pbx, hotlines, extensions, demo calls
        new DemoChat(chat, tickets).load(as(distributor), as(agent)); // issue 17: a finished web chat
        log.info(
                "Demo data loaded: 3 regions, {} branches, {} distributors, {} employees, {} family members, "
                        + "13 users (password 'demo'), {} tickets, {} knowledge-base articles, 1 outreach campaign",
                company.branchCount(),
                company.distributorCount(),
                company.employeeCount(),
                company.familyCount(),
                count + 1 + callbacks,
                articles);
    }

    /** Two calls the phone system reported missed this morning: D0001's primary contact, and an unknown HR caller. */
    private int missedCalls(CurrentUser pbx) {
        String contact = jdbc.queryForObject("""
                select c.phone from distributor_contacts c join distributors d on d.id = c.distributor_id
                 where d.code = 'D0001' order by c.primary_contact desc, c.id fetch first 1 rows only""", String.class);
        Instant now = clock.instant();
        calls.report(
                new ReportedCall(
                        "demo-pbx-0001",
                        ReportedCall.Kind.ABANDONED,
                        contact,
                        Desk.CHANNEL,
                        null,
                        now.minus(Duration.ofMinutes(12)),
                        48),
                pbx);
        calls.report(
                new ReportedCall(
                        "demo-pbx-0002",
                        ReportedCall.Kind.CALLBACK_REQUESTED,
                        "0571-8765 4321",
                        Desk.HR,
                        null,
                        now.minus(Duration.ofMinutes(5)),
                        130),
                pbx);
        return 2;
    }

    private long user(
            String username,
            String displayName,
            String hash,
            Set<Role> roles,
            Long distributorId,
            Long employeeId,
            Long familyMemberId,
            Long departmentId) {
        jdbc.update(
                """
                insert into app_users (username, password_hash, display_name, distributor_id, employee_id,
                                       family_member_id, department_id, created_at) values (?, ?, ?, ?, ?, ?, ?, ?)""",
                username,
                hash,
                displayName,
                distributorId,
                employeeId,
                familyMemberId,
                departmentId,
                Timestamp.from(clock.instant()));
        long id = jdbc.queryForObject("select id from app_users where username = ?", Long.class, username);
        roles.forEach(role -> jdbc.update("insert into user_roles (user_id, role) values (?, ?)", id, role.name()));
        return id;
    }

    private CurrentUser as(long userId) {
        return users.byId(userId).orElseThrow();
    }
}
