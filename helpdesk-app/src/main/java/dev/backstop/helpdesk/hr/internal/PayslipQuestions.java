package dev.backstop.helpdesk.hr.internal;

import dev.backstop.helpdesk.hr.DelegationScope;
import dev.backstop.helpdesk.hr.HrRecordNotFound;
import dev.backstop.helpdesk.identity.CurrentUser;
import dev.backstop.helpdesk.identity.Role;
import dev.backstop.helpdesk.tickets.BusinessRefs;
import dev.backstop.helpdesk.tickets.Channel;
import dev.backstop.helpdesk.tickets.Desk;
import dev.backstop.helpdesk.tickets.HrTopic;
import dev.backstop.helpdesk.tickets.InvalidTicketInput;
import dev.backstop.helpdesk.tickets.OpenTicket;
import dev.backstop.helpdesk.tickets.Priority;
import dev.backstop.helpdesk.tickets.TicketDetails;
import dev.backstop.helpdesk.tickets.TicketManagement;
import dev.backstop.helpdesk.tickets.TicketType;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.YearMonth;
import java.util.Locale;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "Ask HR about this line": the employee opens an HR ticket (through {@link TicketManagement}, into the payroll queue)
 * that refers to the payslip's period and the item's code — never a copy of the amount, which HR reads from the payslip
 * under the access rules. The ticket's HR topic and payslip line are kept in {@code hr_ticket_topics}.
 */
@Service
public class PayslipQuestions {

    public static final String TOPIC_PAYROLL_QUESTION = "PAYROLL_QUESTION";

    private final HrDesk desk;
    private final HrRecords records;
    private final TicketManagement tickets;
    private final MessageSource messages;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    PayslipQuestions(
            HrDesk desk,
            HrRecords records,
            TicketManagement tickets,
            MessageSource messages,
            JdbcTemplate jdbc,
            Clock clock) {
        this.desk = desk;
        this.records = records;
        this.tickets = tickets;
        this.messages = messages;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional
    public TicketDetails ask(CurrentUser user, YearMonth period, String itemCode, String question, Locale locale) {
        if (!user.has(Role.EMPLOYEE)) {
            throw new HrRecordNotFound();
        }
        long employeeId = desk.subject(user, DelegationScope.PAYSLIPS).employeeId();
        var payslip = records.payslip(employeeId, period.toString()).orElseThrow(HrRecordNotFound::new);
        var item = records.items(payslip.id()).stream()
                .filter(i -> i.code().equals(itemCode))
                .findFirst()
                .orElseThrow(HrRecordNotFound::new);
        String text = question == null ? "" : question.strip();
        if (text.isEmpty() || text.length() > 4000) {
            throw new InvalidTicketInput("hr.ask.error.question", 4000);
        }
        String name = HrDesk.itemName(records.itemKinds().get(item.code()), item.importedName(), item.code(), locale);
        String employeeNo = records.employeeNo(employeeId).orElseThrow();
        String subject = messages.getMessage("hr.ask.subject", new Object[] {period.toString(), name}, locale);
        String description = text + "\n\n"
                + messages.getMessage("hr.ask.reference", new Object[] {period.toString(), name, item.code()}, locale);
        TicketDetails ticket = tickets.open(
                new OpenTicket(
                                Desk.HR,
                                TicketType.INQUIRY,
                                Channel.PORTAL,
                                Priority.NORMAL,
                                null,
                                null,
                                employeeId,
                                subject,
                                description,
                                new BusinessRefs(null, null, null, employeeNo),
                                Set.of(),
                                false,
                                null,
                                null,
                                "PAYROLL")
                        .about(HrTopic.PAYROLL_QUESTION, null),
                user);
        jdbc.update(
                """
                insert into hr_ticket_topics (ticket_id, employee_id, topic, period, item_code, created_at)
                values (?, ?, ?, ?, ?, ?)""",
                ticket.id(),
                employeeId,
                TOPIC_PAYROLL_QUESTION,
                period.toString(),
                item.code(),
                Timestamp.from(clock.instant()));
        return ticket;
    }
}
