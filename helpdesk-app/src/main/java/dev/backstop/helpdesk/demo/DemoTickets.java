package dev.backstop.helpdesk.demo;

import dev.backstop.helpdesk.identity.CurrentUser;
import dev.backstop.helpdesk.tickets.BusinessRefs;
import dev.backstop.helpdesk.tickets.Channel;
import dev.backstop.helpdesk.tickets.Desk;
import dev.backstop.helpdesk.tickets.HrTopic;
import dev.backstop.helpdesk.tickets.OpenTicket;
import dev.backstop.helpdesk.tickets.Priority;
import dev.backstop.helpdesk.tickets.Requester;
import dev.backstop.helpdesk.tickets.RequesterKind;
import dev.backstop.helpdesk.tickets.TicketDetails;
import dev.backstop.helpdesk.tickets.TicketManagement;
import dev.backstop.helpdesk.tickets.TicketState;
import dev.backstop.helpdesk.tickets.TicketType;
import dev.backstop.helpdesk.tickets.Transfer;
import java.util.Set;

/**
 * Sample tickets in every desk, opened and worked through the real ticket API so timelines are real.
 *
 * <p>About 350 lines on purpose: it is demo data, one script of sample tickets per desk worked through the real API;
 * split, the story of a desk's day would be scattered.
 */
class DemoTickets {

    record Staff(
            CurrentUser admin,
            CurrentUser agent,
            CurrentUser backoffice,
            CurrentUser frontline,
            CurrentUser expert,
            CurrentUser hr,
            CurrentUser payroll) {}

    record Portal(CurrentUser distributor, CurrentUser distributor2, CurrentUser employee, CurrentUser family) {}

    private final TicketManagement tickets;
    private final DemoCompany company;
    private int count;

    /** Issue 15 hr-topics: the topic and call-back promise of the next HR ticket opened (then cleared). */
    private HrTopic topic;

    private String promise;

    DemoTickets(TicketManagement tickets, DemoCompany company) {
        this.tickets = tickets;
        this.company = company;
    }

    int load(Staff staff, Portal portal) {
        // Channel desk
        TicketDetails status = open(
                portal.distributor(),
                Desk.CHANNEL,
                TicketType.INQUIRY,
                Channel.PORTAL,
                Priority.NORMAL,
                null,
                null,
                null,
                "订单 SO-2026-10086 什么时候发货？",
                "我们上周下的订单 SO-2026-10086 还没有收到发货通知，请帮忙查询预计发货时间。",
                new BusinessRefs("SO-2026-10086", null, null, null),
                Set.of("订单查询"));
        tickets.reply(status.id(), "您好，订单已在杭州仓拣货，预计明天发出，发货后会短信通知您物流单号。", null, staff.agent());
        TicketDetails discrepancy = open(
                staff.agent(),
                Desk.CHANNEL,
                TicketType.COMPLAINT,
                Channel.PHONE,
                Priority.HIGH,
                contact("D0001"),
                company.distributor("D0001"),
                null,
                "到货数量与发货单不符",
                "客户来电：发货单 SH-2026-55821 显示 120 箱，实际签收 108 箱，要求核实并补发。",
                new BusinessRefs("SO-2026-09977", "SH-2026-55821", null, null),
                Set.of("到货差异"));
        tickets.transfer(
                discrepancy.id(),
                Transfer.toDepartment(company.department("LOG"), "请物流部 48 小时内核实签收记录"),
                null,
                staff.agent());
        open(
                portal.distributor2(),
                Desk.CHANNEL,
                TicketType.SERVICE_REQUEST,
                Channel.PORTAL,
                Priority.NORMAL,
                null,
                null,
                null,
                "申请加急发货",
                "订单 SO-2026-10120 因门店促销需要提前到货，申请加急处理。",
                new BusinessRefs("SO-2026-10120", null, null, null),
                Set.of("加急"));
        TicketDetails payment = open(
                staff.agent(),
                Desk.CHANNEL,
                TicketType.SERVICE_REQUEST,
                Channel.EMAIL,
                Priority.NORMAL,
                contact("D0005"),
                company.distributor("D0005"),
                null,
                "回款未核销确认",
                "经销商 11 月 15 日已汇款 ¥356,800.00，系统仍显示未回款，请财务确认。",
                new BusinessRefs(null, null, "INV-2026-3321", null),
                Set.of("回款"));
        tickets.transfer(
                payment.id(), Transfer.toDepartment(company.department("FIN"), "请核对银行流水"), null, staff.agent());
        TicketDetails policy = open(
                staff.agent(),
                Desk.CHANNEL,
                TicketType.INQUIRY,
                Channel.PHONE,
                Priority.LOW,
                contact("D0012"),
                company.distributor("D0012"),
                null,
                "年终返利政策咨询",
                "询问第四季度满 50 万返利 2% 的政策是否适用于新品类。",
                BusinessRefs.none(),
                Set.of("销售政策"));
        tickets.reply(policy.id(), "该返利政策适用于全部在售品类，新品类同样计入。", null, staff.agent());
        tickets.changeState(policy.id(), TicketState.RESOLVED, "已电话答复", null, staff.agent());

        // Expert desk
        TicketDetails question = open(
                staff.frontline(),
                Desk.EXPERT,
                TicketType.INQUIRY,
                Channel.PHONE,
                Priority.HIGH,
                null,
                null,
                null,
                "客户询问产品保修期内换货流程",
                "门店客户购买 45 天后出现故障，询问是否可以直接换新，还是只能维修。",
                BusinessRefs.none(),
                Set.of("售后"));
        tickets.assign(question.id(), staff.expert().id(), null, staff.admin());
        tickets.reply(question.id(), "保修期内 15 天以上的质量问题按维修处理；维修两次仍无法使用的可以换新。", null, staff.expert());
        open(
                staff.frontline(),
                Desk.EXPERT,
                TicketType.FAULT_REPORT,
                Channel.WALK_IN,
                Priority.NORMAL,
                null,
                null,
                null,
                "门店收银系统无法打印发票",
                "南京门店反映开票后打印机无响应，已重启仍不行。",
                BusinessRefs.none(),
                Set.of("系统故障"));

        // HR desk
        long employeeId = portal.employee().employeeId();
        topic = HrTopic.PAYROLL_QUESTION;
        TicketDetails payslip = open(
                portal.employee(),
                Desk.HR,
                TicketType.INQUIRY,
                Channel.PORTAL,
                Priority.NORMAL,
                null,
                null,
                null,
                "十月工资条加班费疑问",
                "十月份国庆加班三天，工资条上的加班费好像只按 2 倍计算，请核实。",
                BusinessRefs.none(),
                Set.of("工资"));
        tickets.assign(payslip.id(), staff.payroll().id(), null, staff.admin());
        tickets.note(payslip.id(), "法定节假日加班应按 3 倍计算，需复核考勤。", null, staff.payroll());
        // issue 15 hr-topics: the posted-away employee's family asks for help, and says when to call back
        topic = HrTopic.HARDSHIP;
        promise = "请工作日 18:00 以后打我手机 138 1234 5678，白天在医院陪护不方便接听。";
        open(
                portal.family(),
                Desk.HR,
                TicketType.HARDSHIP,
                Channel.PORTAL,
                Priority.HIGH,
                null,
                null,
                null,
                "家中老人住院，申请困难帮扶",
                "我爱人常年驻外工作，家中老人突发疾病住院，希望公司协助联系当地医院并了解困难补助申请流程。",
                BusinessRefs.none(),
                Set.of("家属关怀"));
        topic = HrTopic.FEEDBACK;
        open(
                staff.hr(),
                Desk.HR,
                TicketType.FEEDBACK,
                Channel.WEB_FORM,
                Priority.NORMAL,
                new Requester(RequesterKind.EMPLOYEE, company.employee("E0004"), null, null, null),
                null,
                company.employee("E0004"),
                "分公司排班意见",
                "反映北京分公司周末排班不公平，希望总部关注。",
                new BusinessRefs(null, null, null, "E0004"),
                Set.of("员工反馈"));
        topic = HrTopic.PAYROLL_QUESTION;
        TicketDetails confidential = open(
                staff.payroll(),
                Desk.HR,
                TicketType.SERVICE_REQUEST,
                Channel.PHONE,
                Priority.NORMAL,
                new Requester(RequesterKind.EMPLOYEE, company.employee("E0010"), null, null, null),
                null,
                company.employee("E0010"),
                "个税专项附加扣除调整",
                "员工申请调整子女教育专项附加扣除，涉及薪资明细。",
                new BusinessRefs(null, null, null, "E0010"),
                Set.of("个税"),
                true);
        tickets.assign(confidential.id(), staff.payroll().id(), null, staff.payroll());
        topic = HrTopic.LEAVE;
        open(
                staff.hr(),
                Desk.HR,
                TicketType.INQUIRY,
                Channel.PHONE,
                Priority.NORMAL,
                new Requester(RequesterKind.EMPLOYEE, employeeId, null, null, null),
                null,
                employeeId,
                "驻外人员探亲假天数",
                "询问驻外员工每年探亲假的天数和路费报销标准。",
                BusinessRefs.none(),
                Set.of("假期"));
        topic = HrTopic.PAYROLL_DISPUTE;
        open(
                portal.employee(),
                Desk.HR,
                TicketType.INQUIRY,
                Channel.PORTAL,
                Priority.NORMAL,
                null,
                null,
                null,
                "十一月绩效奖金少发",
                "十一月绩效考核为 B，按制度应发绩效奖金 3 000 元，工资条上只有 1 500 元，请核实。",
                BusinessRefs.none(),
                Set.of("工资"));
        topic = HrTopic.SOCIAL_INSURANCE;
        promise = "上午 9 点到 11 点方便接电话。";
        open(
                staff.hr(),
                Desk.HR,
                TicketType.INQUIRY,
                Channel.PHONE,
                Priority.NORMAL,
                new Requester(RequesterKind.EMPLOYEE, company.employee("E0004"), null, null, null),
                null,
                company.employee("E0004"),
                "社保缴费基数调整后扣款变多",
                "七月起养老保险个人扣款比上月多了 120 元，想知道缴费基数是怎么调整的。",
                new BusinessRefs(null, null, null, "E0004"),
                Set.of("社保"));
        topic = HrTopic.POLICY;
        open(
                portal.family(),
                Desk.HR,
                TicketType.INQUIRY,
                Channel.PORTAL,
                Priority.NORMAL,
                null,
                null,
                null,
                "驻外家属探亲路费报销",
                "我去驻外地探望爱人，往返路费公司能报销吗？需要哪些材料？",
                BusinessRefs.none(),
                Set.of("家属关怀"));
        return count;
    }

    private Requester contact(String distributorCode) {
        return new Requester(
                RequesterKind.DISTRIBUTOR_CONTACT, null, company.primaryContact(distributorCode), null, null);
    }

    private TicketDetails open(
            CurrentUser by,
            Desk desk,
            TicketType type,
            Channel channel,
            Priority priority,
            Requester requester,
            Long distributorId,
            Long employeeId,
            String subject,
            String description,
            BusinessRefs refs,
            Set<String> tags) {
        return open(
                by,
                desk,
                type,
                channel,
                priority,
                requester,
                distributorId,
                employeeId,
                subject,
                description,
                refs,
                tags,
                false);
    }

    private TicketDetails open(
            CurrentUser by,
            Desk desk,
            TicketType type,
            Channel channel,
            Priority priority,
            Requester requester,
            Long distributorId,
            Long employeeId,
            String subject,
            String description,
            BusinessRefs refs,
            Set<String> tags,
            boolean confidential) {
        count++;
        HrTopic about = desk == Desk.HR ? topic : null;
        String callBack = desk == Desk.HR ? promise : null;
        topic = null;
        promise = null;
        return tickets.open(
                new OpenTicket(
                                desk,
                                type,
                                channel,
                                priority,
                                requester,
                                distributorId,
                                employeeId,
                                subject,
                                description,
                                refs,
                                tags,
                                confidential,
                                null,
                                null)
                        .about(about, callBack),
                by);
    }
}
