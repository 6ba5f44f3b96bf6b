package dev.backstop.helpdesk.knowledge.internal;

import dev.backstop.helpdesk.identity.CurrentUser;
import dev.backstop.helpdesk.knowledge.TemplateKind;
import dev.backstop.helpdesk.knowledge.TemplateRefused;
import dev.backstop.helpdesk.shared.DeskTime;
import dev.backstop.helpdesk.sla.SlaPolicies;
import dev.backstop.helpdesk.tickets.BusinessRefs;
import dev.backstop.helpdesk.tickets.TicketDetails;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * The {@code {{variables}}} of reply templates and call scripts: which exist, checking a body before it is saved,
 * and filling a body from a ticket. A variable without a value becomes a visible marker in the template's
 * language, never an empty string. Replies are plain text (they go into the reply box as they are); scripts are
 * Markdown, rendered safely, with the ticket's values escaped so they cannot add markup.
 */
@Component
class TemplateText {

    static final List<String> VARIABLES = List.of(
            "requester",
            "ticket",
            "subject",
            "orderNo",
            "shipmentNo",
            "invoiceNo",
            "employeeNo",
            "due",
            "agent",
            "desk");
    private static final Pattern VARIABLE = Pattern.compile("\\{\\{\\s*([^{}]*?)\\s*}}");
    /** Stands in for a variable while Markdown is rendered; private-use characters that Markdown leaves alone. */
    private static final Pattern SLOT = Pattern.compile("\uE000(\\w+)\uE001");

    private static final Pattern MARKDOWN_PUNCTUATION = Pattern.compile("[!-/:-@\\[-`{-~]");
    private static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final MessageSource messages;
    private final SlaPolicies policies;
    private final DeskTime deskTime;

    TemplateText(MessageSource messages, SlaPolicies policies, DeskTime deskTime) {
        this.messages = messages;
        this.policies = policies;
        this.deskTime = deskTime;
    }

    /** Refuses (400) a body naming an unknown variable or with braces that do not make a variable. */
    static void check(String body) {
        Matcher matcher = VARIABLE.matcher(body);
        Set<String> unknown = new LinkedHashSet<>();
        while (matcher.find()) {
            if (!VARIABLES.contains(matcher.group(1))) {
                unknown.add("{{" + matcher.group(1) + "}}");
            }
        }
        if (!unknown.isEmpty()) {
            throw new TemplateRefused(
                    400, "knowledge.template.error.unknownVariable", String.join(", ", unknown), known());
        }
        String rest = matcher.replaceAll("");
        if (rest.contains("{{") || rest.contains("}}")) {
            throw new TemplateRefused(400, "knowledge.template.error.brokenVariable", known());
        }
    }

    static String known() {
        return String.join(
                ", ", VARIABLES.stream().map(name -> "{{" + name + "}}").toList());
    }

    /** The ticket's value of each variable; a blank value counts as none. */
    Map<String, String> values(TicketDetails ticket, CurrentUser agent, Locale locale) {
        BusinessRefs refs = ticket.refs() == null ? BusinessRefs.none() : ticket.refs();
        Map<String, String> values = new HashMap<>();
        put(
                values,
                "requester",
                ticket.requester() == null ? null : ticket.requester().name());
        put(values, "ticket", ticket.key());
        put(values, "subject", ticket.subject());
        put(values, "orderNo", refs.orderNo());
        put(values, "shipmentNo", refs.shipmentNo());
        put(values, "invoiceNo", refs.invoiceNo());
        put(values, "employeeNo", refs.employeeNo());
        put(values, "due", ticket.sla() == null || ticket.sla().resolutionDue() == null ? null : promise(ticket));
        put(values, "agent", agent.displayName());
        put(
                values,
                "desk",
                messages.getMessage(
                        "tickets.desk." + ticket.desk(), null, ticket.desk().name(), locale));
        return values;
    }

    /** The resolution due time as said to the requester: in the desk's time zone and its service hours. */
    private String promise(TicketDetails ticket) {
        Instant due = policies.serviceHours(ticket.desk().name())
                .atOrNextOpening(ticket.sla().resolutionDue());
        return DUE.format(deskTime.at(due));
    }

    private static void put(Map<String, String> values, String name, String value) {
        if (value != null && !value.isBlank()) {
            values.put(name, value.strip());
        }
    }

    /** The body with every variable filled; what had no value is listed in {@code missing}. */
    Filled fill(String body, TemplateKind kind, Map<String, String> values, Locale locale) {
        List<String> missing = new ArrayList<>();
        String text = VARIABLE.matcher(body).replaceAll(match -> {
            String value = values.get(match.group(1));
            if (value == null && !missing.contains(match.group(1))) {
                missing.add(match.group(1));
            }
            return Matcher.quoteReplacement(value != null ? value : marker(match.group(1), locale));
        });
        String html = html(
                body,
                kind,
                name -> {
                    String value = values.get(name);
                    return value == null ? null : kind == TemplateKind.SCRIPT ? escapeMarkdown(value) : value;
                },
                name -> "<mark class=\"tpl-missing\">" + HtmlUtils.htmlEscape(marker(name, locale)) + "</mark>");
        return new Filled(text, html, missing);
    }

    /** The editor's preview: every variable shown as its name, highlighted, the rest as the agent will see it. */
    String preview(String body, TemplateKind kind, Locale locale) {
        check(body);
        return html(
                body,
                kind,
                name -> null,
                name -> "<mark class=\"tpl-var\" title=\"{{" + name + "}}\">"
                        + HtmlUtils.htmlEscape(label(name, locale)) + "</mark>");
    }

    /** Labels of the variables for the editors' cheat sheet, in the reader's language. */
    Map<String, String> labels(Locale locale) {
        Map<String, String> labels = new java.util.LinkedHashMap<>();
        VARIABLES.forEach(name -> labels.put(name, label(name, locale)));
        return labels;
    }

    private String html(
            String body,
            TemplateKind kind,
            java.util.function.Function<String, String> value,
            java.util.function.Function<String, String> slotHtml) {
        String withSlots = VARIABLE.matcher(body).replaceAll(match -> {
            String filled = value.apply(match.group(1));
            return Matcher.quoteReplacement(filled != null ? filled : "\uE000" + match.group(1) + "\uE001");
        });
        String html = kind == TemplateKind.SCRIPT
                ? Markdown.toHtml(withSlots)
                : "<div class=\"tpl-plain\">" + HtmlUtils.htmlEscape(withSlots) + "</div>";
        return SLOT.matcher(html).replaceAll(match -> Matcher.quoteReplacement(slotHtml.apply(match.group(1))));
    }

    private String marker(String name, Locale locale) {
        return messages.getMessage("knowledge.template.missing", new Object[] {label(name, locale)}, locale);
    }

    private String label(String name, Locale locale) {
        return messages.getMessage("knowledge.template.var." + name, null, name, locale);
    }

    private static String escapeMarkdown(String value) {
        return MARKDOWN_PUNCTUATION.matcher(value).replaceAll(match -> Matcher.quoteReplacement("\\" + match.group()));
    }

    /** The locale a template's own words are in: its markers and the desk's name follow the template, not the reader. */
    static Locale locale(String language) {
        return "en".equals(language) ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
    }

    record Filled(String text, String html, List<String> missing) {}
}
