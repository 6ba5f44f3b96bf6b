package dev.backstop.helpdesk.knowledge.internal;

import dev.backstop.helpdesk.identity.CurrentUser;
import dev.backstop.helpdesk.knowledge.RenderedTemplate;
import dev.backstop.helpdesk.knowledge.ReplyTemplate;
import dev.backstop.helpdesk.knowledge.ReplyTemplates;
import dev.backstop.helpdesk.knowledge.TemplateFilter;
import dev.backstop.helpdesk.knowledge.TemplateInput;
import dev.backstop.helpdesk.knowledge.TemplateKind;
import dev.backstop.helpdesk.knowledge.TemplateRefused;
import dev.backstop.helpdesk.knowledge.TemplateState;
import dev.backstop.helpdesk.knowledge.TemplateVersion;
import dev.backstop.helpdesk.tickets.Desk;
import dev.backstop.helpdesk.tickets.TicketType;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Reply templates and call scripts for machines and scripts: staff read and render, knowledge editors write. */
@RestController
@RequestMapping("/api/v1/kb/templates")
@Tag(name = "knowledge-base")
class TemplateApi {

    /** A template as sent by an editor; enums as text so that a wrong value gets a clear message. */
    record TemplateBody(
            String kind,
            String name,
            String desk,
            String language,
            String callType,
            String body,
            String state,
            Integer version) {

        TemplateInput toInput() {
            return new TemplateInput(
                    parse(TemplateKind.class, kind, "knowledge.template.error.kind"),
                    name,
                    parse(Desk.class, desk, "knowledge.template.error.desk"),
                    language,
                    parse(TicketType.class, callType, "knowledge.template.error.callType"),
                    body,
                    parse(TemplateState.class, state, "knowledge.template.error.state"));
        }
    }

    private final ReplyTemplates templates;

    TemplateApi(ReplyTemplates templates) {
        this.templates = templates;
    }

    @GetMapping
    @Operation(summary = "Reply templates and call scripts, optionally of one kind, desk, language or state (staff)")
    List<ReplyTemplate> list(
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) String desk,
            @RequestParam(required = false) String language,
            @RequestParam(required = false) String state,
            CurrentUser user) {
        return templates.list(
                new TemplateFilter(
                        parse(TemplateKind.class, kind, "knowledge.template.error.kind"),
                        parse(Desk.class, desk, "knowledge.template.error.desk"),
                        language,
                        parse(TemplateState.class, state, "knowledge.template.error.state")),
                user);
    }

    @PostMapping
    @Operation(
            summary =
                    "Write a template (ADMIN, EXPERT, KB_EDITOR); an unknown {{variable}} is refused with the known ones")
    ResponseEntity<ReplyTemplate> create(@RequestBody TemplateBody body, CurrentUser user) {
        ReplyTemplate template = templates.create(body.toInput(), user);
        return ResponseEntity.created(URI.create("/api/v1/kb/templates/" + template.id()))
                .body(template);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One template (staff)")
    ReplyTemplate read(@PathVariable long id, CurrentUser user) {
        return templates.get(id, user);
    }

    @PutMapping("/{id}")
    @Operation(
            summary = "Save a new version; send the version you edited to be told (409) if someone saved in between. "
                    + "state ARCHIVED takes it out of the composer")
    ReplyTemplate update(@PathVariable long id, @RequestBody TemplateBody body, CurrentUser user) {
        return templates.update(id, body.toInput(), body.version(), user);
    }

    @GetMapping("/{id}/versions")
    @Operation(summary = "The template's version history, newest first (staff)")
    List<TemplateVersion> versions(@PathVariable long id, CurrentUser user) {
        return templates.versions(id, user);
    }

    @GetMapping("/{id}/render")
    @Operation(
            summary = "The template filled from a ticket the caller may see (404 otherwise); values that the ticket "
                    + "lacks are left as visible markers and listed in missing")
    RenderedTemplate render(@PathVariable long id, @RequestParam(required = false) Long ticket, CurrentUser user) {
        if (ticket == null) {
            throw new TemplateRefused(400, "knowledge.template.error.ticketRequired");
        }
        return templates.render(id, ticket, user);
    }

    /** Null for a missing or blank value; a 400 naming the allowed values for a wrong one. */
    static <E extends Enum<E>> E parse(Class<E> type, String value, String code) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException ex) {
            throw new TemplateRefused(
                    400, code, value, List.of(type.getEnumConstants()).toString());
        }
    }
}
