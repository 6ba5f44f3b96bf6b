package dev.backstop.helpdesk.workspace;

import dev.backstop.helpdesk.tickets.BusinessRefs;
import dev.backstop.helpdesk.tickets.Channel;
import dev.backstop.helpdesk.tickets.Desk;
import dev.backstop.helpdesk.tickets.HrTopic;
import dev.backstop.helpdesk.tickets.OpenTicket;
import dev.backstop.helpdesk.tickets.Priority;
import dev.backstop.helpdesk.tickets.Requester;
import dev.backstop.helpdesk.tickets.RequesterKind;
import dev.backstop.helpdesk.tickets.TicketType;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The new-ticket form of the workspace and the portal (the portal ignores requester and references it cannot set).
 *
 * <p>A little over 300 lines on purpose: it is the form's backing bean, and most of it is the getters and setters
 * Spring's data binding needs; its logic is {@link #toCommand} and {@link #link}.
 */
public class TicketForm {

    @NotNull
    private Desk desk;

    @NotNull
    private TicketType type = TicketType.INQUIRY;

    @NotNull
    private Channel channel = Channel.PHONE;

    private Priority priority = Priority.NORMAL;

    @Size(max = 200)
    private String requesterName;

    @Size(max = 32)
    private String requesterPhone;

    @NotBlank
    @Size(max = 300)
    private String subject;

    @Size(max = 20000)
    private String description;

    @Size(max = 64)
    private String orderNo;

    @Size(max = 64)
    private String shipmentNo;

    @Size(max = 64)
    private String invoiceNo;

    @Size(max = 64)
    private String employeeNo;

    @Size(max = 300)
    private String tags;

    private boolean confidential;
    /** The caller picked in the look-up (or matched by number); null: an unknown caller. */
    private RequesterKind requesterKind;

    private Long requesterRef;

    @Size(max = 200)
    private String requesterEmail;

    private Long distributorId;
    private Long employeeId;

    @Size(max = 300)
    private String callerLabel;

    @Size(max = 32)
    private String skill;

    /** What an HR ticket is about (HR desk only; null on other desks, or derived from the type). */
    private HrTopic topic;

    /** When and how the requester wants to be called back, in their own words. */
    @Size(max = 500)
    private String callbackPromise;

    public OpenTicket toCommand() {
        Set<String> tagSet = tags == null
                ? Set.of()
                : Arrays.stream(tags.split("[,，\\s]+"))
                        .map(String::strip)
                        .filter(t -> !t.isEmpty())
                        .collect(Collectors.toSet());
        Requester requester = isLinked()
                ? new Requester(requesterKind, requesterRef, requesterName, requesterPhone, requesterEmail)
                : requesterName == null && requesterPhone == null
                        ? null
                        : new Requester(RequesterKind.UNKNOWN_CALLER, null, requesterName, requesterPhone, null);
        return new OpenTicket(
                desk,
                type,
                channel,
                priority,
                requester,
                isLinked() ? distributorId : null,
                isLinked() ? employeeId : null,
                subject,
                description,
                new BusinessRefs(orderNo, shipmentNo, invoiceNo, employeeNo),
                tagSet,
                confidential,
                null,
                null,
                skill,
                desk == Desk.HR ? topic : null,
                desk == Desk.HR ? callbackPromise : null);
    }

    public HrTopic getTopic() {
        return topic;
    }

    public void setTopic(HrTopic topic) {
        this.topic = topic;
    }

    public String getCallbackPromise() {
        return callbackPromise;
    }

    public void setCallbackPromise(String callbackPromise) {
        this.callbackPromise = callbackPromise;
    }

    /** Makes this caller the requester, with their account or employee (segment, SLA and queue score follow). */
    void link(CallerLookup.Caller caller) {
        requesterKind = caller.kind();
        requesterRef = caller.ref();
        requesterName = caller.name();
        if (caller.phone() != null && !caller.phone().isBlank()) {
            requesterPhone = caller.phone();
        }
        requesterEmail = caller.email();
        distributorId = caller.distributorId();
        employeeId = caller.employeeId();
        callerLabel = caller.account();
    }

    public boolean isLinked() {
        return requesterKind != null && requesterKind != RequesterKind.UNKNOWN_CALLER && requesterRef != null;
    }

    public RequesterKind getRequesterKind() {
        return requesterKind;
    }

    public void setRequesterKind(RequesterKind requesterKind) {
        this.requesterKind = requesterKind;
    }

    public Long getRequesterRef() {
        return requesterRef;
    }

    public void setRequesterRef(Long requesterRef) {
        this.requesterRef = requesterRef;
    }

    public String getRequesterEmail() {
        return requesterEmail;
    }

    public void setRequesterEmail(String requesterEmail) {
        this.requesterEmail = requesterEmail;
    }

    public Long getDistributorId() {
        return distributorId;
    }

    public void setDistributorId(Long distributorId) {
        this.distributorId = distributorId;
    }

    public Long getEmployeeId() {
        return employeeId;
    }

    public void setEmployeeId(Long employeeId) {
        this.employeeId = employeeId;
    }

    public String getCallerLabel() {
        return callerLabel;
    }

    public void setCallerLabel(String callerLabel) {
        this.callerLabel = callerLabel;
    }

    public String getSkill() {
        return skill;
    }

    public void setSkill(String skill) {
        this.skill = skill;
    }

    public Desk getDesk() {
        return desk;
    }

    public void setDesk(Desk desk) {
        this.desk = desk;
    }

    public TicketType getType() {
        return type;
    }

    public void setType(TicketType type) {
        this.type = type;
    }

    public Channel getChannel() {
        return channel;
    }

    public void setChannel(Channel channel) {
        this.channel = channel;
    }

    public Priority getPriority() {
        return priority;
    }

    public void setPriority(Priority priority) {
        this.priority = priority;
    }

    public String getRequesterName() {
        return requesterName;
    }

    public void setRequesterName(String requesterName) {
        this.requesterName = requesterName;
    }

    public String getRequesterPhone() {
        return requesterPhone;
    }

    public void setRequesterPhone(String requesterPhone) {
        this.requesterPhone = requesterPhone;
    }

    public String getSubject() {
        return subject;
    }

    public void setSubject(String subject) {
        this.subject = subject;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public String getOrderNo() {
        return orderNo;
    }

    public void setOrderNo(String orderNo) {
        this.orderNo = orderNo;
    }

    public String getShipmentNo() {
        return shipmentNo;
    }

    public void setShipmentNo(String shipmentNo) {
        this.shipmentNo = shipmentNo;
    }

    public String getInvoiceNo() {
        return invoiceNo;
    }

    public void setInvoiceNo(String invoiceNo) {
        this.invoiceNo = invoiceNo;
    }

    public String getEmployeeNo() {
        return employeeNo;
    }

    public void setEmployeeNo(String employeeNo) {
        this.employeeNo = employeeNo;
    }

    public String getTags() {
        return tags;
    }

    public void setTags(String tags) {
        this.tags = tags;
    }

    public boolean isConfidential() {
        return confidential;
    }

    public void setConfidential(boolean confidential) {
        this.confidential = confidential;
    }
}
