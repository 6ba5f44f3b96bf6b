package dev.backstop.helpdesk.identity.internal;

import dev.backstop.helpdesk.shared.DatabaseUnavailable;
import dev.backstop.helpdesk.shared.RequestLocales;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/** 401 and 403 for the API as RFC 9457 problem details in the caller's language — never a login page. */
@Component
class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final MessageSource messages;
    private final ObjectMapper json;

    ProblemResponses(MessageSource messages, ObjectMapper json) {
        this.messages = messages;
        this.json = json;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        if (DatabaseUnavailable.isCauseOf(failure)) {
            throw failure; // not the caller's credentials: the web layer's outage filter answers 503
        }
        String code = failure instanceof LockedException ? "identity.login.locked" : "identity.api.unauthenticated";
        response.setHeader("WWW-Authenticate", "Basic realm=\"Backstop\", charset=\"UTF-8\"");
        write(request, response, HttpStatus.UNAUTHORIZED, code);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        write(request, response, HttpStatus.FORBIDDEN, "identity.api.forbidden");
    }

    /** A page-chain entry point that lets a database outage through to the web layer's 503 instead of asking to sign in. */
    static AuthenticationEntryPoint outageAware(AuthenticationEntryPoint delegate) {
        return (request, response, failure) -> {
            if (DatabaseUnavailable.isCauseOf(failure)) {
                throw failure;
            }
            delegate.commence(request, response, failure);
        };
    }

    /** A form-login failure handler that lets a database outage through instead of saying the password was wrong. */
    static AuthenticationFailureHandler outageAware(AuthenticationFailureHandler delegate) {
        return (request, response, failure) -> {
            if (DatabaseUnavailable.isCauseOf(failure)) {
                throw failure;
            }
            delegate.onAuthenticationFailure(request, response, failure);
        };
    }

    private void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String code)
            throws IOException {
        var locale = RequestLocales.of(request);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, messages.getMessage(code, null, locale));
        problem.setTitle(messages.getMessage("identity.api.title." + status.value(), null, locale));
        problem.setProperty("code", code);
        response.setStatus(status.value());
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
