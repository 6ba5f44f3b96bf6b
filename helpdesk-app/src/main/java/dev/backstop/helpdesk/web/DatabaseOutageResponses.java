package dev.backstop.helpdesk.web;

import dev.backstop.helpdesk.shared.DatabaseUnavailable;
import dev.backstop.helpdesk.shared.RequestLocales;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.ObjectMapper;

/**
 * While the database cannot be reached, every request that needs it answers at once (within the pool's
 * connection timeout) with 503 and {@code Retry-After}: the API as an RFC 9457 problem, pages as a short localized
 * page. Two places catch it: a resolver ahead of every controller advice (a controller or page model failed) and a
 * filter ahead of Spring Security (signing in looked the user up). Nothing else changes: when the database is back,
 * the next request succeeds.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseOutageResponses {

    static final String RETRY_AFTER_SECONDS = "5";
    private static final Logger log = LoggerFactory.getLogger(DatabaseOutageResponses.class);

    private final MessageSource messages;
    private final ObjectMapper json;
    private final LocaleResolver locales;

    DatabaseOutageResponses(MessageSource messages, ObjectMapper json, LocaleResolver locales) {
        this.messages = messages;
        this.json = json;
        this.locales = locales;
    }

    @Bean
    HandlerExceptionResolver databaseOutageResolver() {
        return new Resolver();
    }

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> databaseOutageFilter() {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                try {
                    chain.doFilter(request, response);
                } catch (ServletException | IOException | RuntimeException failure) {
                    if (!DatabaseUnavailable.isCauseOf(failure) || response.isCommitted()) {
                        throw failure;
                    }
                    write(request, response, failure);
                }
            }
        });
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);   // outside Spring Security's filters (-100)
        return registration;
    }

    private final class Resolver implements HandlerExceptionResolver, Ordered {

        @Override
        public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
                Exception failure) {
            if (!DatabaseUnavailable.isCauseOf(failure) || response.isCommitted()) {
                return null;
            }
            try {
                write(request, response, failure);
            } catch (IOException ex) {
                return null;
            }
            return new ModelAndView();
        }

        @Override
        public int getOrder() {
            return Ordered.HIGHEST_PRECEDENCE;
        }
    }

    void write(HttpServletRequest request, HttpServletResponse response, Throwable failure) throws IOException {
        log.warn("{} {}: database unavailable ({})", request.getMethod(), request.getRequestURI(), rootCause(failure));
        boolean api = request.getRequestURI().startsWith(request.getContextPath() + "/api/");
        Locale locale = api ? RequestLocales.of(request) : locales.resolveLocale(request);
        String detail = messages.getMessage("error.databaseUnavailable", null, locale);
        String title = messages.getMessage("error.title.503", null, locale);
        response.resetBuffer();
        response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
        response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        if (api) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, detail);
            problem.setTitle(title);
            problem.setProperty("code", "error.databaseUnavailable");
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            json.writeValue(response.getOutputStream(), problem);
        } else {
            response.setContentType(MediaType.TEXT_HTML_VALUE);
            String back = messages.getMessage("workspace.error.back", null, locale);
            response.getWriter().write("""
                    <!DOCTYPE html><html lang="%s"><head><meta charset="utf-8"><meta http-equiv="refresh" content="%s">
                    <title>%s</title><link rel="stylesheet" href="%s/css/backstop.css"></head>
                    <body><main id="error-page" data-status="503"><h1 id="error-title">%s</h1><p id="error-detail">%s</p>
                    <p><a href="%s/">%s</a></p></main></body></html>""".formatted(locale.toLanguageTag(), RETRY_AFTER_SECONDS,
                    HtmlUtils.htmlEscape(title), request.getContextPath(), HtmlUtils.htmlEscape(title),
                    HtmlUtils.htmlEscape(detail), request.getContextPath(), HtmlUtils.htmlEscape(back)));
        }
        response.flushBuffer();
    }

    private static String rootCause(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.toString();
    }
}
