package dev.backstop.helpdesk.tickets.web;

import dev.backstop.helpdesk.identity.CurrentUser;
import dev.backstop.helpdesk.tickets.Assignee;
import dev.backstop.helpdesk.tickets.AttachmentInfo;
import dev.backstop.helpdesk.tickets.AttachmentResponses;
import dev.backstop.helpdesk.tickets.BusinessRefs;
import dev.backstop.helpdesk.tickets.Channel;
import dev.backstop.helpdesk.tickets.Desk;
import dev.backstop.helpdesk.tickets.OpenTicket;
import dev.backstop.helpdesk.tickets.Priority;
import dev.backstop.helpdesk.tickets.Requester;
import dev.backstop.helpdesk.tickets.SlaStatus;
import dev.backstop.helpdesk.tickets.TicketDetails;
import dev.backstop.helpdesk.tickets.TicketFilter;
import dev.backstop.helpdesk.tickets.TicketManagement;
import dev.backstop.helpdesk.tickets.TicketState;
import dev.backstop.helpdesk.tickets.TicketSummary;
import dev.backstop.helpdesk.tickets.TicketType;
import dev.backstop.helpdesk.tickets.Transfer;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Set;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The tickets REST API. Visibility is enforced by {@link TicketManagement}: a ticket the caller may not see is 404. */
@RestController
@RequestMapping("/api/v1/tickets")
@Tag(name = "tickets")
class TicketApi {

    private final TicketManagement tickets;

    TicketApi(TicketManagement tickets) {
        this.tickets = tickets;
    }

    record RequesterBody(
            dev.backstop.helpdesk.tickets.RequesterKind kind,
            Long ref,
            @Size(max = 200) String name,
            @Size(max = 32) String phone,
            @Size(max = 200) String email) {}

    record RefsBody(
            @Size(max = 64) String orderNo,
            @Size(max = 64) String shipmentNo,
            @Size(max = 64) String invoiceNo,
            @Size(max = 64) String employeeNo) {}

    record NewTicket(
            @NotNull Desk desk,
            @NotNull TicketType type,
            @NotNull Channel channel,
            Priority priority,
            @NotBlank @Size(max = 300) String subject,
            @Size(max = 20000) String description,
            @Valid RequesterBody requester,
            Long distributorId,
            Long employeeId,
            @Valid RefsBody refs,
            Set<@Size(max = 64) String> tags,
            Boolean confidential,
            Long assigneeId,
            Long departmentId,
            @Size(max = 32) String skill,
            dev.backstop.helpdesk.tickets.HrTopic topic,
            @Size(max = 500) String callbackPromise) {}

    record Text(@NotBlank @Size(max = 20000) String body, Long version) {}

    record Assignment(Long assigneeId, Long version) {}

    record TransferBody(
            Desk desk, Long departmentId, @Size(max = 1000) String reason, Integer deadlineHours, Long version) {}

    record CallbackBody(
            @Size(max = 5000) String outcome, @NotNull Integer satisfaction, Long version) {}

    record StateBody(
            @NotNull TicketState state, @Size(max = 2000) String comment, Long version) {}

    record PageBody(List<TicketSummary> items, int page, int size, long total) {}

    @PostMapping
    @Operation(summary = "Open a ticket; a portal user is the requester of what they open")
    ResponseEntity<TicketDetails> open(@Valid @RequestBody NewTicket body, CurrentUser user) {
        RequesterBody r = body.requester();
        RefsBody refs = body.refs();
        var command = new OpenTicket(
                body.desk(),
                body.type(),
                body.channel(),
                body.priority(),
                r == null ? null : new Requester(r.kind(), r.ref(), r.name(), r.phone(), r.email()),
                body.distributorId(),
                body.employeeId(),
                body.subject(),
                body.description(),
                refs == null
                        ? null
                        : new BusinessRefs(refs.orderNo(), refs.shipmentNo(), refs.invoiceNo(), refs.employeeNo()),
                body.tags(),
                Boolean.TRUE.equals(body.confidential()),
                body.assigneeId(),
                body.departmentId(),
                body.skill(),
                body.topic(),
                body.callbackPromise());
        TicketDetails created = tickets.open(command, user);
        return ResponseEntity.created(URI.create("/api/v1/tickets/" + created.id()))
                .body(created);
    }

    @GetMapping
    @Operation(summary = "List the tickets the caller may see, newest activity first")
    PageBody list(
            @RequestParam(required = false) Desk desk,
            @RequestParam(required = false) TicketState state,
            @RequestParam(required = false) Long assigneeId,
            @RequestParam(defaultValue = "false") boolean mine,
            @RequestParam(required = false) Priority priority,
            @RequestParam(required = false) String requester,
            @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "false") boolean active,
            @RequestParam(required = false) SlaStatus sla,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "25") int size,
            CurrentUser user) {
        var result = tickets.list(
                new TicketFilter(desk, state, assigneeId, mine, priority, requester, q, active, sla, page, size), user);
        return new PageBody(result.getContent(), result.getNumber(), result.getSize(), result.getTotalElements());
    }

    @GetMapping("/{id}")
    @Operation(summary = "A ticket with its timeline")
    TicketDetails get(@PathVariable long id, CurrentUser user) {
        return tickets.get(id, user);
    }

    @PostMapping("/{id}/replies")
    @Operation(summary = "A public reply")
    TicketDetails reply(@PathVariable long id, @Valid @RequestBody Text body, CurrentUser user) {
        return tickets.reply(id, body.body(), body.version(), user);
    }

    @PostMapping("/{id}/notes")
    @Operation(summary = "An internal note (staff)")
    TicketDetails note(@PathVariable long id, @Valid @RequestBody Text body, CurrentUser user) {
        return tickets.note(id, body.body(), body.version(), user);
    }

    @PostMapping("/{id}/calls")
    @Operation(summary = "Log a phone call (staff)")
    TicketDetails call(@PathVariable long id, @Valid @RequestBody Text body, CurrentUser user) {
        return tickets.logCall(id, body.body(), body.version(), user);
    }

    /** Who this ticket can be assigned to (staff only). */
    @GetMapping("/{id}/assignees")
    List<Assignee> assignees(@PathVariable long id, CurrentUser user) {
        return tickets.assignees(id, user);
    }

    @PutMapping("/{id}/assignee")
    @Operation(summary = "Assign or unassign (staff)")
    TicketDetails assign(@PathVariable long id, @RequestBody Assignment body, CurrentUser user) {
        return tickets.assign(id, body.assigneeId(), body.version(), user);
    }

    @PostMapping("/{id}/transfer")
    @Operation(summary = "Transfer to another desk or a back-office department (staff)")
    TicketDetails transfer(@PathVariable long id, @Valid @RequestBody TransferBody body, CurrentUser user) {
        return tickets.transfer(
                id,
                new Transfer(body.desk(), body.departmentId(), body.reason(), body.deadlineHours()),
                body.version(),
                user);
    }

    @PostMapping("/{id}/back-office-answer")
    @Operation(
            summary =
                    "The back office answers what was forwarded to its department; the ticket returns to the desk as a callback task")
    TicketDetails answer(@PathVariable long id, @Valid @RequestBody Text body, CurrentUser user) {
        return tickets.answerFromBackOffice(id, body.body(), body.version(), user);
    }

    @PostMapping("/{id}/callback")
    @Operation(summary = "Record the call back to the requester with its outcome and their satisfaction (1-5)")
    TicketDetails callback(@PathVariable long id, @Valid @RequestBody CallbackBody body, CurrentUser user) {
        return tickets.recordCallback(id, body.outcome(), body.satisfaction(), body.version(), user);
    }

    @PostMapping("/{id}/state")
    @Operation(summary = "Move through the state machine: open, pending, resolve, close, reopen (staff)")
    TicketDetails state(@PathVariable long id, @Valid @RequestBody StateBody body, CurrentUser user) {
        return tickets.changeState(id, body.state(), body.comment(), body.version(), user);
    }

    @PostMapping(path = "/{id}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Attach a file (size limit and content-type allow-list)")
    ResponseEntity<AttachmentInfo> attach(
            @PathVariable long id, @RequestPart("file") MultipartFile file, CurrentUser user) throws IOException {
        AttachmentInfo info = tickets.attach(
                id, file.getOriginalFilename(), file.getContentType(), file.getSize(), file.getInputStream(), user);
        return ResponseEntity.created(URI.create("/api/v1/tickets/" + id + "/attachments/" + info.id()))
                .body(info);
    }

    @GetMapping("/{id}/attachments/{attachmentId}")
    @Operation(summary = "Download an attachment")
    ResponseEntity<InputStreamResource> download(
            @PathVariable long id, @PathVariable long attachmentId, CurrentUser user) throws IOException {
        return AttachmentResponses.of(tickets.attachment(id, attachmentId, user));
    }
}
