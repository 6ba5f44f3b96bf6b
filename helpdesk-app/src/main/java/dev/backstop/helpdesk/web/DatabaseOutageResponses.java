package dev.backstop.helpdesk.web;

import dev.backstop.helpdesk.shared.DatabaseUnavailable;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

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

    private final ErrorAnswers answers;

    DatabaseOutageResponses(ErrorAnswers answers) {
        this.answers = answers;
    }

    @Bean
    HandlerExceptionResolver databaseOutageResolver() {
        return new Resolver();
    }

    @Bean
    FilterRegistrationBean<IdempotentRequests> idempotentRequests(
            IdempotencyKeys keys, PlatformTransactionManager transactions) {
        FilterRegistrationBean<IdempotentRequests> registration =
                new FilterRegistrationBean<>(new IdempotentRequests(keys, transactions, answers));
        registration.setOrder(0); // inside Spring Security (-100): the caller is known
        return registration;
    }

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> databaseOutageFilter() {
        FilterRegistrationBean<OncePerRequestFilter> registration =
                new FilterRegistrationBean<>(new OncePerRequestFilter() {
                    @Override
                    protected void doFilterInternal(
                            HttpServletRequest request, HttpServletResponse response, FilterChain chain)
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
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10); // outside Spring Security's filters (-100)
        return registration;
    }

    private final class Resolver implements HandlerExceptionResolver, Ordered {

        @Override
        public ModelAndView resolveException(
                HttpServletRequest request, HttpServletResponse response, Object handler, Exception failure) {
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
        answers.write(
                request,
                response,
                HttpStatus.SERVICE_UNAVAILABLE.value(),
                "error.databaseUnavailable",
                RETRY_AFTER_SECONDS);
    }

    private static String rootCause(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.toString();
    }
}
