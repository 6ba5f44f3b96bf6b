package dev.backstop.helpdesk.identity;

import java.util.Optional;

/**
 * A stored user as the rest of the app knows them, for work done in their name outside a request (the PBX's account,
 * the demo's users): roles and bindings as at sign-in, a family member's employee resolved.
 */
public interface UserDirectory {

    Optional<CurrentUser> byId(long userId);
}
