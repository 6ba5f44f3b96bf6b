package dev.backstop.helpdesk.web;

import dev.backstop.helpdesk.shared.RequestLocales;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.ObjectMapper;

/**
 * An error answered outside the controllers (from a filter): the API gets an RFC 9457 problem in the caller's
 * language, a page a short localized page — the same message either way.
 */
@Component
class ErrorAnswers {

    private final MessageSource messages;
    private final ObjectMapper json;
    private final LocaleResolver locales;

    ErrorAnswers(MessageSource messages, ObjectMapper json, LocaleResolver locales) {
        this.messages = messages;
        this.json = json;
        this.locales = locales;
    }

    void write(HttpServletRequest request, HttpServletResponse response, int status, String code) throws IOException {
        write(request, response, status, code, null);
    }

    void write(
            HttpServletRequest request, HttpServletResponse response, int status, String code, String retryAfterSeconds)
            throws IOException {
        boolean api = request.getRequestURI().startsWith(request.getContextPath() + "/api/");
        Locale locale = api ? RequestLocales.of(request) : locales.resolveLocale(request);
        HttpStatus httpStatus = HttpStatus.valueOf(status);
        String detail = messages.getMessage(code, null, code, locale);
        String title = messages.getMessage("error.title." + status, null, httpStatus.getReasonPhrase(), locale);
        response.resetBuffer();
        response.setStatus(status);
        if (retryAfterSeconds != null) {
            response.setHeader("Retry-After", retryAfterSeconds);
        }
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        if (api) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(httpStatus, detail);
            problem.setTitle(title);
            problem.setProperty("code", code);
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            json.writeValue(response.getOutputStream(), problem);
        } else {
            response.setContentType(MediaType.TEXT_HTML_VALUE);
            String back = messages.getMessage("workspace.error.back", null, locale);
            String refresh = retryAfterSeconds == null
                    ? ""
                    : "<meta http-equiv=\"refresh\" content=\"" + retryAfterSeconds + "\">";
            response.getWriter().write("""
                    <!DOCTYPE html><html lang="%s"><head><meta charset="utf-8">%s
                    <title>%s</title><link rel="stylesheet" href="%s/css/backstop.css"></head>
                    <body><main id="error-page" data-status="%d"><h1 id="error-title">%s</h1><p id="error-detail">%s</p>
                    <p><a href="%s/">%s</a></p></main></body></html>""".formatted(
                            locale.toLanguageTag(),
                            refresh,
                            HtmlUtils.htmlEscape(title),
                            request.getContextPath(),
                            status,
                            HtmlUtils.htmlEscape(title),
                            HtmlUtils.htmlEscape(detail),
                            request.getContextPath(),
                            HtmlUtils.htmlEscape(back)));
        }
        response.flushBuffer();
    }
}
