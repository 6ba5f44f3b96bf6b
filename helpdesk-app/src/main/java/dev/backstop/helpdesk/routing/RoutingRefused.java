package dev.backstop.helpdesk.routing;

import dev.backstop.helpdesk.shared.BackstopException;

/** "Next" was refused: the agent is not available, or already works as many tickets as their capacity. */
public class RoutingRefused extends BackstopException {

    private RoutingRefused(String code, Object... arguments) {
        super(409, code, arguments);
    }

    public static RoutingRefused notAvailable(String presence) {
        return new RoutingRefused("tickets.routing.notAvailable", presence);
    }

    public static RoutingRefused atCapacity(int capacity) {
        return new RoutingRefused("tickets.routing.atCapacity", capacity);
    }
}
