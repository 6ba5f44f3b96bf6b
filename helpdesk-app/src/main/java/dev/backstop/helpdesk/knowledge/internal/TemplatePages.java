package dev.backstop.helpdesk.knowledge.internal;

import dev.backstop.helpdesk.identity.CurrentUser;
import dev.backstop.helpdesk.knowledge.ReplyTemplate;
import dev.backstop.helpdesk.knowledge.ReplyTemplates;
import dev.backstop.helpdesk.knowledge.TemplateFilter;
import dev.backstop.helpdesk.knowledge.TemplateInput;
import dev.backstop.helpdesk.knowledge.TemplateKind;
import dev.backstop.helpdesk.knowledge.TemplateState;
import dev.backstop.helpdesk.shared.BackstopException;
import dev.backstop.helpdesk.tickets.Desk;
import dev.backstop.helpdesk.tickets.TicketType;
import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The knowledge editors' pages for reply templates and call scripts: list with filters, form with live preview, history. */
@Controller
class TemplatePages {

    private static final String BASE = "/workspace/kb/templates";

    private final ReplyTemplates templates;
    private final TemplateText text;

    TemplatePages(ReplyTemplates templates, TemplateText text) {
        this.templates = templates;
        this.text = text;
    }

    @GetMapping(BASE)
    String list(
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) String desk,
            @RequestParam(required = false) String language,
            @RequestParam(required = false) String state,
            CurrentUser user,
            Model model) {
        TemplateFilter filter = new TemplateFilter(
                TemplateApi.parse(TemplateKind.class, kind, "knowledge.template.error.kind"),
                TemplateApi.parse(Desk.class, desk, "knowledge.template.error.desk"),
                language == null || language.isBlank() ? null : language,
                TemplateApi.parse(TemplateState.class, state, "knowledge.template.error.state"));
        model.addAttribute("templates", templates.list(filter, user));
        model.addAttribute("filter", filter);
        choices(model);
        return "knowledge/templates";
    }

    @GetMapping(BASE + "/new")
    String newTemplate(
            @RequestParam(defaultValue = "REPLY") String kind, CurrentUser user, Locale locale, Model model) {
        TemplateKind chosen = TemplateApi.parse(TemplateKind.class, kind, "knowledge.template.error.kind");
        return form(
                model,
                locale,
                null,
                new TemplateForm(
                        null,
                        chosen == null ? TemplateKind.REPLY.name() : chosen.name(),
                        "",
                        Desk.CHANNEL.name(),
                        locale.getLanguage().equals("en") ? "en" : "zh",
                        "",
                        "",
                        TemplateState.ACTIVE.name()),
                null,
                user);
    }

    @PostMapping(BASE)
    String create(TemplateForm form, CurrentUser user, Locale locale, Model model, RedirectAttributes redirect) {
        try {
            ReplyTemplate template = templates.create(form.toInput(), user);
            redirect.addFlashAttribute("successKey", "knowledge.template.saved");
            return "redirect:" + BASE + "/" + template.id();
        } catch (BackstopException refused) {
            return form(model, locale, null, form, refused, user);
        }
    }

    @GetMapping(BASE + "/{id}")
    String edit(@PathVariable long id, CurrentUser user, Locale locale, Model model) {
        ReplyTemplate template = templates.get(id, user);
        return form(model, locale, template, TemplateForm.of(template), null, user);
    }

    @PostMapping(BASE + "/{id}")
    String update(
            @PathVariable long id,
            TemplateForm form,
            CurrentUser user,
            Locale locale,
            Model model,
            RedirectAttributes redirect) {
        try {
            templates.update(id, form.toInput(), form.version(), user);
            redirect.addFlashAttribute("successKey", "knowledge.template.saved");
            return "redirect:" + BASE + "/" + id;
        } catch (BackstopException refused) {
            return form(model, locale, templates.get(id, user), form, refused, user);
        }
    }

    /** The live preview beside the form (htmx): variables highlighted by name, or why the text cannot be saved. */
    @PostMapping(BASE + "/preview")
    String preview(
            @RequestParam(defaultValue = "") String body,
            @RequestParam(defaultValue = "REPLY") String kind,
            Locale locale,
            Model model) {
        TemplateKind chosen = TemplateApi.parse(TemplateKind.class, kind, "knowledge.template.error.kind");
        preview(model, body, chosen == null ? TemplateKind.REPLY : chosen, locale);
        return "knowledge/template-form :: preview";
    }

    private String form(
            Model model,
            Locale locale,
            ReplyTemplate template,
            TemplateForm form,
            BackstopException refused,
            CurrentUser user) {
        model.addAttribute("template", template);
        model.addAttribute("action", template == null ? BASE : BASE + "/" + template.id());
        model.addAttribute("form", form);
        model.addAttribute("variables", text.labels(locale));
        if (template != null) {
            model.addAttribute("versions", templates.versions(template.id(), user));
        }
        TemplateKind kind = TemplateApi.parse(TemplateKind.class, form.kind(), "knowledge.template.error.kind");
        preview(model, form.body() == null ? "" : form.body(), kind == null ? TemplateKind.REPLY : kind, locale);
        if (refused != null) {
            model.addAttribute("errorKey", refused.code());
            model.addAttribute("errorArgs", refused.arguments());
        }
        choices(model);
        return "knowledge/template-form";
    }

    private void preview(Model model, String body, TemplateKind kind, Locale locale) {
        try {
            model.addAttribute("preview", body.isBlank() ? null : text.preview(body.strip(), kind, locale));
        } catch (BackstopException refused) {
            model.addAttribute("previewErrorKey", refused.code());
            model.addAttribute("previewErrorArgs", refused.arguments());
        }
    }

    private static void choices(Model model) {
        model.addAttribute("kinds", TemplateKind.values());
        model.addAttribute("desks", Desk.values());
        model.addAttribute("states", TemplateState.values());
        model.addAttribute("callTypes", TicketType.values());
    }

    /** The form as posted. */
    record TemplateForm(
            Integer version,
            String kind,
            String name,
            String desk,
            String language,
            String callType,
            String body,
            String state) {

        TemplateInput toInput() {
            return new TemplateInput(
                    TemplateApi.parse(TemplateKind.class, kind, "knowledge.template.error.kind"),
                    name,
                    TemplateApi.parse(Desk.class, desk, "knowledge.template.error.desk"),
                    language,
                    TemplateApi.parse(TicketType.class, callType, "knowledge.template.error.callType"),
                    body,
                    TemplateApi.parse(TemplateState.class, state, "knowledge.template.error.state"));
        }

        static TemplateForm of(ReplyTemplate template) {
            return new TemplateForm(
                    template.version(),
                    template.kind().name(),
                    template.name(),
                    template.desk().name(),
                    template.language(),
                    template.callType() == null ? "" : template.callType().name(),
                    template.body(),
                    template.state().name());
        }
    }
}
