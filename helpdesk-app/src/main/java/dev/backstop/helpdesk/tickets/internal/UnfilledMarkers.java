package dev.backstop.helpdesk.tickets.internal;

import dev.backstop.helpdesk.tickets.InvalidTicketInput;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reply to a requester must not go out with a template's gap still in it: {@code 【未填写：订单号】},
 * {@code 【请填写：已发货 / 运输中】}, {@code [missing: order no.]}, {@code [fill in: …]}. The reply is refused and
 * the message names the first such marker, so the agent sees what to fill.
 */
final class UnfilledMarkers {

    private static final Pattern MARKER = Pattern.compile(
            "【\\s*(?:未填写|请填写|待填写)\\s*[：:][^】]{0,200}】|\\[\\s*(?:missing|fill in|to fill)\\s*:[^\\]]{0,200}]",
            Pattern.CASE_INSENSITIVE);

    private UnfilledMarkers() {}

    static void refuse(String body) {
        if (body == null) {
            return;
        }
        Matcher matcher = MARKER.matcher(body);
        if (matcher.find()) {
            throw new InvalidTicketInput("tickets.error.unfilledMarker", matcher.group());
        }
    }
}
