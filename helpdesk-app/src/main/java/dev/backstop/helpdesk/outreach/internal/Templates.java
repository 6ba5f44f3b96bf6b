package dev.backstop.helpdesk.outreach.internal;

import dev.backstop.helpdesk.outreach.CampaignRefused;
import dev.backstop.helpdesk.outreach.TargetGroup;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The message templates: {@code {{variable}}} placeholders, checked when a campaign is saved, filled per recipient. */
final class Templates {

    static final String NAME = "name";
    static final String LINK = "responseLink";
    static final String DISTRIBUTOR_CODE = "distributorCode";
    static final String EMPLOYEE_NO = "employeeNo";

    private static final Pattern VARIABLE = Pattern.compile("\\{\\{\\s*([^{}]*?)\\s*}}");

    private Templates() {}

    static Set<String> variables(TargetGroup audience) {
        return Set.of(NAME, LINK, audience == TargetGroup.DISTRIBUTORS ? DISTRIBUTOR_CODE : EMPLOYEE_NO);
    }

    /** Refuses (400) a variable that does not exist for this target group, naming it and the ones that do. */
    static void check(String template, TargetGroup audience) {
        if (template == null) {
            return;
        }
        Matcher matcher = VARIABLE.matcher(template);
        while (matcher.find()) {
            if (!variables(audience).contains(matcher.group(1))) {
                throw CampaignRefused.invalid(
                        "outreach.error.unknownVariable",
                        "{{" + matcher.group(1) + "}}",
                        String.join(
                                ", ",
                                variables(audience).stream()
                                        .sorted()
                                        .map(v -> "{{" + v + "}}")
                                        .toList()));
            }
        }
    }

    static String fill(String template, Map<String, String> values) {
        if (template == null) {
            return "";
        }
        Matcher matcher = VARIABLE.matcher(template);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(out, Matcher.quoteReplacement(values.getOrDefault(matcher.group(1), "")));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    /** The body filled in, with the response link appended when the template does not place it. */
    static String body(String template, Map<String, String> values) {
        String text = fill(template, values).strip();
        return VARIABLE.matcher(template).results().anyMatch(m -> m.group(1).equals(LINK))
                ? text
                : text + "\n" + values.get(LINK);
    }
}
