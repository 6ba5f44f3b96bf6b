package dev.backstop.helpdesk.channel;

import dev.backstop.helpdesk.shared.BackstopException;

/** A request that cannot be raised as given (a missing reference, a bad quantity …): 400 with the reason. */
public class ChannelRefused extends BackstopException {

    public ChannelRefused(String code, Object... arguments) {
        super(400, code, arguments);
    }
}
