package dev.backstop.helpdesk.calls;

import dev.backstop.helpdesk.identity.CurrentUser;

/** Demo data for the phone: the {@code demo-pbx} endpoint, the demo hotlines, extensions and a few calls. */
public interface TelephonyDemo {

    /** Loads it once, in the demo data's transaction; returns the number of demo calls. */
    int load(CurrentUser pbxUser, CurrentUser channelAgent);
}
