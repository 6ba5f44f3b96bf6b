package dev.backstop.helpdesk.identity.internal;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import dev.backstop.helpdesk.identity.CurrentUser;
import dev.backstop.helpdesk.identity.Role;
import dev.backstop.helpdesk.shared.DeskTime;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Set;
import org.mockito.Mockito;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * What a {@code @WebMvcTest} slice needs to answer like the application: the real two security chains with every
 * path rule ({@link SecurityConfiguration}) and the localized 401/403 problem responses ({@link ProblemResponses}).
 * A slice has no database, so the stored users and API tokens are not there: a request signs in with
 * {@link #as(Role...)} (a {@link BackstopPrincipal}, as after HTTP Basic), and the token filter's two collaborators
 * are inert mocks it never reaches (no request in a slice carries a token). Which user exists with which password
 * and roles is proven by the full-context tests ({@code SecurityTests}, {@code AuthorizationMatrixTests}).
 *
 * <p>Use: {@code @WebMvcTest(SomeController.class) @Import(WebSlice.class)} plus a {@code @MockitoBean} for each
 * published port the controller calls (and {@code Notifications}, which the page layout advice reads).
 */
@TestConfiguration(proxyBeanMethods = false)
@Import({SecurityConfiguration.class, ProblemResponses.class})
public class WebSlice {

    /** The pages' Thymeleaf dialect formats times in the desk's zone. */
    @Bean
    DeskTime deskTime() {
        return new DeskTime(ZoneId.of("Asia/Shanghai"), Clock.systemUTC());
    }

    @Bean
    ApiTokens apiTokens() {
        return Mockito.mock(ApiTokens.class);
    }

    @Bean
    Users users() {
        return Mockito.mock(Users.class);
    }

    /** Signed in as a user with these roles (id 7; no distributor, employee or department). */
    public static RequestPostProcessor as(Role... roles) {
        return user(BackstopPrincipal.of(new CurrentUser(7, "user-7", "测试用户", Set.of(roles), null, null, null, null)));
    }
}
