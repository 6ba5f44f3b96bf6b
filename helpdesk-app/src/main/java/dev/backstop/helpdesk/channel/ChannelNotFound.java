package dev.backstop.helpdesk.channel;

import dev.backstop.helpdesk.shared.BackstopException;

/**
 * An account, order, shipment, invoice or policy that does not exist, or that the caller may not see (a distributor
 * asking for another account's): both are 404, so numbers cannot be probed.
 */
public class ChannelNotFound extends BackstopException {

    public ChannelNotFound(String what, String number) {
        super(404, "channel.error.notFound." + what, number);
    }
}
