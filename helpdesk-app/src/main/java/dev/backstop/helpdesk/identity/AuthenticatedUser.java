package dev.backstop.helpdesk.identity;

/**
 * Implemented by the principal the identity module puts into Spring Security's context (form login,
 * HTTP Basic and API tokens alike), so any module can get the {@link CurrentUser} from it.
 */
public interface AuthenticatedUser {

    CurrentUser currentUser();
}
