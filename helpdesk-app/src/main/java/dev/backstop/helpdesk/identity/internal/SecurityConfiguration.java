package dev.backstop.helpdesk.identity.internal;

import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import dev.backstop.helpdesk.identity.Role;
import java.util.Arrays;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * Who may call what. Two chains: the API ({@code /api/**}: stateless, HTTP Basic or API token, JSON 401/403,
 * no CSRF) and the pages (form login, CSRF). Every path has an explicit rule; anything else is denied, and
 * {@code AuthorizationMatrixTests} walks every registered endpoint for every role. Row-level visibility
 * (which ticket, which account) is enforced in the queries of each module, not here.
 *
 * <p>About 450 lines on purpose: every path's rule is in this one file, in the order Spring Security matches them, so
 * a reviewer reads the whole authorization in one place and AuthorizationMatrixTests' table maps onto it; spread
 * over the modules, the deny-by-default order could not be read anywhere.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    static final String[] STAFF = names(
            Role.CHANNEL_AGENT,
            Role.BACK_OFFICE,
            Role.FRONTLINE,
            Role.EXPERT,
            Role.HR_AGENT,
            Role.HR_PAYROLL,
            Role.HR_LEAD, // issue 15 hr-gaps: an HR lead without HR_AGENT still reaches the workspace and its cases
            Role.SUPERVISOR,
            Role.KB_EDITOR,
            Role.ADMIN);
    static final String[] PORTAL = names(Role.DISTRIBUTOR, Role.EMPLOYEE, Role.FAMILY);
    static final String ADMIN = Role.ADMIN.name();
    /** Who answers work forwarded to a back-office department. */
    static final String[] BACK_OFFICE_ANSWER = names(Role.BACK_OFFICE, Role.SUPERVISOR, Role.ADMIN);
    /** Those who work a desk's queue ("next"), and the supervisors who watch it. */
    static final String[] AGENTS =
            names(Role.CHANNEL_AGENT, Role.EXPERT, Role.HR_AGENT, Role.HR_PAYROLL, Role.SUPERVISOR, Role.ADMIN);
    /** May open the imports; which kinds each may import is decided per kind (ADR 0008). */
    static final String[] IMPORTERS = names(Role.ADMIN, Role.HR_AGENT, Role.HR_PAYROLL);
    /** Write knowledge-base articles (within the audiences they may read), reply templates and call scripts. */
    static final String[] KB_EDITORS = names(Role.KB_EDITOR, Role.EXPERT, Role.ADMIN);
    /** See the knowledge gaps: editors and the supervisors who staff the expert desk. */
    static final String[] KB_GAPS = names(Role.KB_EDITOR, Role.EXPERT, Role.ADMIN, Role.SUPERVISOR);
    /** The front line's and the expert desk's figures: supervisors, and the editors who act on them. */
    static final String[] KB_FIGURES = names(Role.SUPERVISOR, Role.KB_EDITOR, Role.ADMIN);
    /** Ask the expert desk: the reps who answer callers, and their supervisors. */
    static final String[] ESCALATORS =
            names(Role.FRONTLINE, Role.CHANNEL_AGENT, Role.HR_AGENT, Role.HR_PAYROLL, Role.SUPERVISOR, Role.ADMIN);
    /** See every distributor account on the channel desk (a distributor reaches only its own, checked by the desk). */
    static final String[] CHANNEL_STAFF = names(Role.CHANNEL_AGENT, Role.BACK_OFFICE, Role.SUPERVISOR, Role.ADMIN);

    static final String[] CHANNEL_VIEW =
            names(Role.CHANNEL_AGENT, Role.BACK_OFFICE, Role.SUPERVISOR, Role.ADMIN, Role.DISTRIBUTOR);
    /** Create, send and follow outreach campaigns. */
    static final String[] OUTREACH = names(Role.ADMIN, Role.SUPERVISOR);
    /** Who watches the wallboard and the voice service level (issue 16). */
    static final String[] WALLBOARD = names(Role.SUPERVISOR, Role.ADMIN);
    /** The phone system (PBX / CTI) reporting missed calls: an integration user's API token. */
    /** Who opens tickets for callers at the channel or HR desk (the look-up searches only the desks they may open at). */
    static final String[] CALLER_LOOKUP =
            names(Role.CHANNEL_AGENT, Role.HR_AGENT, Role.HR_PAYROLL, Role.SUPERVISOR, Role.ADMIN);

    static final String[] TELEPHONY = names(Role.ADMIN, Role.SUPERVISOR);

    /** Who answers and places calls (issue 16): the caller log and call back. */
    static final String[] PHONE =
            names(Role.CHANNEL_AGENT, Role.EXPERT, Role.HR_AGENT, Role.HR_PAYROLL, Role.SUPERVISOR, Role.ADMIN);
    /**
     * Issue 15, the HR desk. The employee's own records: employees, and family members (404 unless delegated). HR staff's
     * payroll views: HR agents and payroll staff, and family members (who get 404, never 403, on every payroll URL).
     */
    static final String[] HR_SELF = names(Role.EMPLOYEE, Role.FAMILY);

    static final String[] HR_STAFF_VIEW = names(Role.HR_AGENT, Role.HR_PAYROLL, Role.HR_LEAD, Role.FAMILY);

    /** Issue 15 hr-feedback: who reads and answers feedback about branches (cases, not counts). */
    static final String[] HR_FEEDBACK = names(Role.HR_AGENT, Role.HR_PAYROLL, Role.HR_LEAD);
    /** Issue 15 hr-gaps: who sets and resets employees' caller-verification factors (never reads them). */
    static final String[] HR_SECRETS = names(Role.HR_LEAD, Role.ADMIN);
    /** Headquarters: branch oversight (suppressed counts only, never a case). */
    static final String[] HEADQUARTERS = names(Role.ADMIN, Role.SUPERVISOR);
    /** Issue 15 hr-cases: HR staff who verify callers on the phone (an HR lead holds HR_AGENT too). */
    static final String[] HR_STAFF = names(Role.HR_AGENT, Role.HR_PAYROLL, Role.HR_LEAD);
    /** Issue 17, web chat: who starts a chat (portal users, front-line reps) and the desk agents who answer one. */
    static final String[] CHAT_REQUESTERS = names(Role.DISTRIBUTOR, Role.EMPLOYEE, Role.FAMILY, Role.FRONTLINE);

    static final String[] CHAT_AGENTS = names(Role.CHANNEL_AGENT, Role.EXPERT, Role.HR_AGENT, Role.HR_PAYROLL);

    static final String[] CHAT_PARTIES = names(
            Role.DISTRIBUTOR,
            Role.EMPLOYEE,
            Role.FAMILY,
            Role.FRONTLINE,
            Role.CHANNEL_AGENT,
            Role.EXPERT,
            Role.HR_AGENT,
            Role.HR_PAYROLL);

    /**
     * BCrypt for new hashes, at the cost {@code backstop.security.bcrypt-strength} (default 10, Spring Security's
     * default); any other stored format ({@code {noop}}, {@code {pbkdf2}}, …) still matches through Spring's
     * delegating encoder. A hash carries its own cost, so lowering the strength only makes new hashes cheaper: the
     * tests set 4 (1 ms a check instead of ~80 ms, and the authorization matrix alone checks ~3,500 passwords).
     */
    @Bean
    PasswordEncoder passwordEncoder(@Value("${backstop.security.bcrypt-strength:10}") int bcryptStrength) {
        DelegatingPasswordEncoder encoder =
                new DelegatingPasswordEncoder("bcrypt", Map.of("bcrypt", new BCryptPasswordEncoder(bcryptStrength)));
        encoder.setDefaultPasswordEncoderForMatches(PasswordEncoderFactories.createDelegatingPasswordEncoder());
        return encoder;
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(HttpSecurity http, ProblemResponses problems, ApiTokens tokens, Users users)
            throws Exception {
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(rules -> rules.requestMatchers(GET, "/api/v1/me", "/api/v1/notifications")
                        .authenticated()
                        .requestMatchers(PUT, "/api/v1/me/presence")
                        .hasAnyRole(STAFF)
                        .requestMatchers(GET, "/api/v1/me/agent-profile")
                        .hasAnyRole(STAFF)
                        .requestMatchers(POST, "/api/v1/routing/next")
                        .hasAnyRole(AGENTS)
                        .requestMatchers(GET, "/api/v1/routing/queues", "/api/v1/routing/queues/*")
                        .hasAnyRole(AGENTS)
                        .requestMatchers(PUT, "/api/v1/routing/admin/queues/*")
                        .hasRole(ADMIN)
                        .requestMatchers("/api/v1/admin/**")
                        .hasRole(ADMIN)
                        .requestMatchers(
                                POST,
                                "/api/v1/kb/articles",
                                "/api/v1/kb/articles/*/state",
                                "/api/v1/kb/articles/from-ticket/*")
                        .hasAnyRole(KB_EDITORS)
                        .requestMatchers(POST, "/api/v1/kb/escalations")
                        .hasAnyRole(ESCALATORS)
                        .requestMatchers(PUT, "/api/v1/kb/articles/*")
                        .hasAnyRole(KB_EDITORS)
                        .requestMatchers(GET, "/api/v1/kb/articles", "/api/v1/kb/articles/*/versions")
                        .hasAnyRole(KB_EDITORS)
                        .requestMatchers(GET, "/api/v1/kb/gaps")
                        .hasAnyRole(KB_GAPS)
                        .requestMatchers(GET, "/api/v1/kb/figures")
                        .hasAnyRole(KB_FIGURES)
                        .requestMatchers(GET, "/api/v1/kb/similar-tickets")
                        .hasAnyRole(STAFF)
                        .requestMatchers(POST, "/api/v1/kb/templates")
                        .hasAnyRole(KB_EDITORS)
                        .requestMatchers(PUT, "/api/v1/kb/templates/*")
                        .hasAnyRole(KB_EDITORS)
                        .requestMatchers(
                                GET,
                                "/api/v1/kb/templates",
                                "/api/v1/kb/templates/*",
                                "/api/v1/kb/templates/*/versions",
                                "/api/v1/kb/templates/*/render")
                        .hasAnyRole(STAFF)
                        .requestMatchers(
                                GET,
                                "/api/v1/kb/search",
                                "/api/v1/kb/suggest",
                                "/api/v1/kb/articles/*",
                                "/api/v1/kb/articles/*/similar")
                        .authenticated()
                        .requestMatchers(POST, "/api/v1/kb/articles/*/votes", "/api/v1/kb/deflections")
                        .authenticated()
                        .requestMatchers("/api/v1/imports", "/api/v1/imports/**")
                        .hasAnyRole(IMPORTERS)
                        .requestMatchers(GET, "/api/v1/distributors")
                        .hasAnyRole(CHANNEL_STAFF)
                        .requestMatchers(
                                GET,
                                "/api/v1/distributors/*",
                                "/api/v1/distributors/*/orders/*",
                                "/api/v1/distributors/*/orders/*/policy-check",
                                "/api/v1/distributors/*/shipments/*",
                                "/api/v1/distributors/*/invoices/*")
                        .hasAnyRole(CHANNEL_VIEW)
                        .requestMatchers(POST, "/api/v1/distributors/*/requests")
                        .hasAnyRole(CHANNEL_VIEW)
                        .requestMatchers(POST, "/api/v1/calls/missed")
                        .hasAnyRole(TELEPHONY)
                        // issue 16: the PBX's CTI address carries its own token (checked by the calls module, 404 when
                        // unknown)
                        .requestMatchers(POST, "/api/v1/cti/*")
                        .permitAll()
                        .requestMatchers(GET, "/api/v1/calls/log")
                        .hasAnyRole(PHONE)
                        .requestMatchers(POST, "/api/v1/calls/dial")
                        .hasAnyRole(PHONE)
                        .requestMatchers(GET, "/api/v1/tickets/*/calls")
                        .hasAnyRole(STAFF)
                        .requestMatchers(GET, "/api/v1/calls/*")
                        .hasAnyRole(STAFF)
                        // issue 16 wallboard: supervisors watch the desks (agents have their own queue)
                        .requestMatchers(GET, "/api/v1/wallboard", "/api/v1/sla/voice-service-level")
                        .hasAnyRole(WALLBOARD)
                        .requestMatchers(
                                GET,
                                "/api/v1/outreach/campaigns",
                                "/api/v1/outreach/campaigns/*",
                                "/api/v1/outreach/campaigns/*/recipients")
                        .hasAnyRole(OUTREACH)
                        .requestMatchers(
                                POST,
                                "/api/v1/outreach/campaigns",
                                "/api/v1/outreach/campaigns/*/send",
                                "/api/v1/outreach/campaigns/*/cancel")
                        .hasAnyRole(OUTREACH)
                        .requestMatchers(
                                POST,
                                "/api/v1/tickets/*/notes",
                                "/api/v1/tickets/*/calls",
                                "/api/v1/tickets/*/transfer",
                                "/api/v1/tickets/*/state")
                        .hasAnyRole(STAFF)
                        .requestMatchers(PUT, "/api/v1/tickets/*/assignee")
                        .hasAnyRole(STAFF)
                        .requestMatchers(POST, "/api/v1/tickets/*/back-office-answer")
                        .hasAnyRole(BACK_OFFICE_ANSWER)
                        .requestMatchers(POST, "/api/v1/tickets/*/callback")
                        .hasAnyRole(STAFF)
                        .requestMatchers(GET, "/api/v1/tickets/*/assignees")
                        .hasAnyRole(STAFF)
                        .requestMatchers(GET, "/api/v1/tickets", "/api/v1/tickets/*", "/api/v1/tickets/*/attachments/*")
                        .authenticated()
                        .requestMatchers(
                                POST, "/api/v1/tickets", "/api/v1/tickets/*/replies", "/api/v1/tickets/*/attachments")
                        .authenticated()
                        .requestMatchers(
                                GET,
                                "/api/v1/me/payslips",
                                "/api/v1/me/payslips/*",
                                "/api/v1/me/leave",
                                "/api/v1/me/benefits",
                                "/api/v1/me/access-log")
                        .hasAnyRole(HR_SELF)
                        .requestMatchers(POST, "/api/v1/me/payslips/*/questions")
                        .hasAnyRole(HR_SELF)
                        // issue 17 written: requesters choose how they are told
                        .requestMatchers(GET, "/api/v1/me/notification-preferences")
                        .hasAnyRole(PORTAL)
                        .requestMatchers(PUT, "/api/v1/me/notification-preferences")
                        .hasAnyRole(PORTAL)
                        .requestMatchers(GET, "/api/v1/hr/employees/*/payslips/*")
                        .hasAnyRole(HR_STAFF_VIEW)
                        // issue 15 hr-feedback: the feedback form and its token need no login
                        .requestMatchers(POST, "/api/v1/feedback", "/api/v1/feedback/*/replies")
                        .permitAll()
                        .requestMatchers(GET, "/api/v1/feedback/*")
                        .permitAll()
                        .requestMatchers(GET, "/api/v1/hr/feedback/oversight")
                        .hasAnyRole(HEADQUARTERS)
                        .requestMatchers(GET, "/api/v1/hr/feedback", "/api/v1/hr/feedback/*")
                        .hasAnyRole(HR_FEEDBACK)
                        .requestMatchers(POST, "/api/v1/hr/feedback/*/replies")
                        .hasAnyRole(HR_FEEDBACK)
                        .requestMatchers(GET, "/api/v1/me/data")
                        .hasAnyRole(HR_SELF)
                        // issue 15 hr-cases
                        .requestMatchers(PUT, "/api/v1/hr/employees/*/caller-factors")
                        .hasAnyRole(HR_SECRETS)
                        .requestMatchers(POST, "/api/v1/hr/tickets/*/confidential-case")
                        .hasRole(Role.HR_LEAD.name())
                        .requestMatchers(GET, "/api/v1/hr/tickets/*/verification")
                        .hasAnyRole(HR_STAFF)
                        .requestMatchers(POST, "/api/v1/hr/tickets/*/verification")
                        .hasAnyRole(HR_STAFF)
                        // issue 15 hr-topics: HR staff say what an HR ticket is about
                        .requestMatchers(POST, "/api/v1/hr/tickets/*/topic")
                        .hasAnyRole(HR_STAFF)
                        .anyRequest()
                        .denyAll())
                .httpBasic(basic -> basic.authenticationEntryPoint(problems))
                .exceptionHandling(
                        errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .addFilterBefore(
                        new ApiTokenAuthenticationFilter(tokens, users, problems), BasicAuthenticationFilter.class);
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pageChain(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(rules -> rules.requestMatchers(
                                "/login",
                                "/css/**",
                                "/js/**",
                                "/images/**",
                                "/webjars/**",
                                "/favicon.ico",
                                "/error",
                                "/error/**")
                        .permitAll()
                        .requestMatchers(
                                GET,
                                "/v3/api-docs",
                                "/v3/api-docs.yaml",
                                "/v3/api-docs/**",
                                "/swagger-ui/**",
                                "/swagger-ui.html")
                        .permitAll()
                        .requestMatchers(GET, "/actuator/health", "/actuator/health/**")
                        .permitAll()
                        .requestMatchers(GET, "/survey/*")
                        .permitAll()
                        .requestMatchers(POST, "/survey/*")
                        .permitAll()
                        .requestMatchers(GET, "/account/password/*")
                        .permitAll()
                        .requestMatchers(POST, "/account/password/*")
                        .permitAll()
                        .requestMatchers(GET, "/outreach/r/*")
                        .permitAll()
                        .requestMatchers(POST, "/outreach/r/*")
                        .permitAll()
                        .requestMatchers("/actuator/**")
                        .hasRole(ADMIN)
                        .requestMatchers(GET, "/")
                        .authenticated()
                        .requestMatchers(GET, "/notifications")
                        .authenticated()
                        .requestMatchers(POST, "/notifications/read")
                        .authenticated()
                        .requestMatchers(POST, "/workspace/next")
                        .hasAnyRole(AGENTS)
                        .requestMatchers(GET, "/workspace/callers")
                        .hasAnyRole(CALLER_LOOKUP)
                        .requestMatchers(POST, "/workspace/tickets/*/answer")
                        .hasAnyRole(BACK_OFFICE_ANSWER)
                        .requestMatchers(GET, "/workspace/queue", "/workspace/queue/events")
                        .hasAnyRole(AGENTS)
                        .requestMatchers("/workspace/imports", "/workspace/imports/**")
                        .hasAnyRole(IMPORTERS)
                        .requestMatchers(GET, "/workspace/kb/gaps")
                        .hasAnyRole(KB_GAPS)
                        .requestMatchers(GET, "/workspace/kb/figures")
                        .hasAnyRole(KB_FIGURES)
                        .requestMatchers(GET, "/workspace/kb/escalations/new")
                        .hasAnyRole(ESCALATORS)
                        .requestMatchers(POST, "/workspace/kb/escalations")
                        .hasAnyRole(ESCALATORS)
                        .requestMatchers("/workspace/kb/editor", "/workspace/kb/editor/**")
                        .hasAnyRole(KB_EDITORS)
                        .requestMatchers("/workspace/kb/templates", "/workspace/kb/templates/**")
                        .hasAnyRole(KB_EDITORS)
                        .requestMatchers("/workspace/wallboard", "/workspace/wallboard/**")
                        .hasAnyRole(WALLBOARD)
                        .requestMatchers("/workspace/outreach", "/workspace/outreach/**")
                        .hasAnyRole(OUTREACH)
                        .requestMatchers(
                                GET,
                                "/workspace/distributors",
                                "/workspace/distributors/*",
                                "/workspace/distributors/*/orders/*")
                        .hasAnyRole(CHANNEL_STAFF)
                        .requestMatchers(POST, "/workspace/distributors/*/requests")
                        .hasAnyRole(CHANNEL_STAFF)
                        .requestMatchers(GET, "/portal/account", "/portal/account/orders/*")
                        .hasRole(Role.DISTRIBUTOR.name())
                        .requestMatchers(POST, "/portal/account/requests")
                        .hasRole(Role.DISTRIBUTOR.name())
                        // issue 15 hr-feedback
                        .requestMatchers(GET, "/feedback", "/feedback/follow")
                        .permitAll()
                        .requestMatchers(POST, "/feedback", "/feedback/follow", "/feedback/follow/reply")
                        .permitAll()
                        .requestMatchers("/portal/feedback")
                        .hasAnyRole(HR_SELF)
                        .requestMatchers("/workspace/hr/feedback", "/workspace/hr/feedback/**")
                        .hasAnyRole(HR_FEEDBACK)
                        .requestMatchers(GET, "/workspace/hr/oversight")
                        .hasAnyRole(HEADQUARTERS)
                        .requestMatchers("/workspace/hr/caller-factors")
                        .hasAnyRole(HR_SECRETS)
                        .requestMatchers(POST, "/workspace/hr/tickets/*/confidential-case")
                        .hasRole(Role.HR_LEAD.name())
                        .requestMatchers(POST, "/workspace/hr/tickets/*/verification")
                        .hasAnyRole(HR_STAFF)
                        // issue 15 hr-topics
                        .requestMatchers(POST, "/workspace/hr/tickets/*/topic")
                        .hasAnyRole(HR_STAFF)
                        .requestMatchers("/workspace/hr", "/workspace/hr/**")
                        .hasAnyRole(HR_STAFF_VIEW)
                        .requestMatchers("/portal/hr", "/portal/hr/**")
                        .hasAnyRole(HR_SELF)
                        .requestMatchers(GET, "/workspace/calls")
                        .hasAnyRole(PHONE)
                        .requestMatchers(POST, "/workspace/calls/dial")
                        .hasAnyRole(PHONE)
                        // issue 17: web chat (which chat: only its two parties, checked by the chat module, 404 else)
                        .requestMatchers(GET, "/chat")
                        .hasAnyRole(CHAT_REQUESTERS)
                        .requestMatchers(POST, "/chat", "/chat/leave-message")
                        .hasAnyRole(CHAT_REQUESTERS)
                        .requestMatchers(GET, "/chat/*/answers", "/workspace/chats")
                        .hasAnyRole(CHAT_AGENTS)
                        .requestMatchers(GET, "/chat/*", "/chat/*/events")
                        .hasAnyRole(CHAT_PARTIES)
                        .requestMatchers(POST, "/chat/*/messages", "/chat/*/typing", "/chat/*/close")
                        .hasAnyRole(CHAT_PARTIES)
                        .requestMatchers("/workspace", "/workspace/**")
                        .hasAnyRole(STAFF)
                        .requestMatchers("/portal", "/portal/**")
                        .hasAnyRole(PORTAL)
                        .requestMatchers("/admin", "/admin/**")
                        .hasRole(ADMIN)
                        .requestMatchers(DELETE, "/**")
                        .denyAll()
                        .anyRequest()
                        .denyAll())
                .formLogin(form -> form.loginPage("/login")
                        .defaultSuccessUrl("/", true)
                        .failureHandler(ProblemResponses.outageAware(
                                new SimpleUrlAuthenticationFailureHandler("/login?error"))))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                // Basic on the page chain serves Prometheus scrapers and scripts hitting /actuator/**.
                .httpBasic(basic -> basic.authenticationEntryPoint(ProblemResponses.outageAware(basicEntryPoint())));
        return http.build();
    }

    private static BasicAuthenticationEntryPoint basicEntryPoint() {
        BasicAuthenticationEntryPoint entryPoint = new BasicAuthenticationEntryPoint();
        entryPoint.setRealmName("Backstop");
        return entryPoint;
    }

    private static String[] names(Role... roles) {
        return Arrays.stream(roles).map(Role::name).toArray(String[]::new);
    }
}
