package dev.backstop.helpdesk.web;

import dev.backstop.helpdesk.shared.BackstopException;
import dev.backstop.helpdesk.shared.RequestLocales;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Every API error as an RFC 9457 problem detail whose {@code detail} is in the caller's language
 * (Accept-Language, else Chinese) and whose {@code code} is the stable message key. Never a stack trace.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    private final MessageSource messages;

    ApiExceptionHandler(MessageSource messages) {
        this.messages = messages;
    }

    /** A private token in a path (feedback followed by its token, issue 15) is not written to the log. */
    private static final java.util.regex.Pattern TOKEN_PATH =
            java.util.regex.Pattern.compile("^(/api/v1/feedback/)[^/]+");

    static String loggable(HttpServletRequest request) {
        return TOKEN_PATH.matcher(request.getRequestURI()).replaceFirst("$1{token}");
    }

    @ExceptionHandler(BackstopException.class)
    ResponseEntity<ProblemDetail> backstop(BackstopException e, HttpServletRequest request) {
        log.info("{} {} refused: {}", request.getMethod(), loggable(request), e.getMessage());
        return problem(HttpStatus.valueOf(e.status()), e.code(), e.arguments(), request, null);
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<ProblemDetail> invalid(MethodArgumentNotValidException e, HttpServletRequest request) {
        Locale locale = RequestLocales.of(request);
        Map<String, String> fields = new LinkedHashMap<>();
        for (FieldError error : e.getBindingResult().getFieldErrors()) {
            fields.putIfAbsent(error.getField(), messages.getMessage(error, locale));
        }
        String summary = fields.entrySet().stream()
                .map(f -> f.getKey() + ": " + f.getValue())
                .reduce((a, b) -> a + "; " + b)
                .orElse("");
        return problem(HttpStatus.BAD_REQUEST, "error.validation", new Object[] {summary}, request, fields);
    }

    /**
     * A body that is not JSON, or a value of the wrong kind, in the caller's words: the field and what it takes, or where
     * the JSON breaks — never the parser's text (class names such as {@code TicketApi$NewTicket}, {@code java.lang.Long}).
     */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
        Throwable cause = e.getCause();
        while (cause != null && !(cause instanceof tools.jackson.core.JacksonException)) {
            cause = cause.getCause();
        }
        if (cause instanceof tools.jackson.databind.DatabindException bad
                && !bad.getPath().isEmpty()) {
            String field = path(bad.getPath());
            Map<String, String> fields = new LinkedHashMap<>();
            Locale locale = RequestLocales.of(request);
            Class<?> target =
                    bad instanceof tools.jackson.databind.exc.MismatchedInputException m ? m.getTargetType() : null;
            String code;
            Object[] args;
            if (target != null && target.isEnum()) {
                code = "error.badFieldChoice";
                args = new Object[] {
                    field,
                    java.util.Arrays.stream(target.getEnumConstants())
                            .map(String::valueOf)
                            .reduce((a, b) -> a + ", " + b)
                            .orElse("")
                };
            } else {
                code = "error.badField";
                args = new Object[] {field, messages.getMessage("error.kind." + kind(target), null, "", locale)};
            }
            fields.put(field, messages.getMessage(code, args, code, locale));
            return problem(HttpStatus.BAD_REQUEST, code, args, request, fields);
        }
        if (cause instanceof tools.jackson.core.JacksonException broken
                && broken.getLocation() != null
                && broken.getLocation().getLineNr() > 0) {
            return problem(
                    HttpStatus.BAD_REQUEST,
                    "error.badJson",
                    new Object[] {
                        String.valueOf(broken.getLocation().getLineNr()),
                        String.valueOf(broken.getLocation().getColumnNr())
                    },
                    request,
                    null);
        }
        return problem(HttpStatus.BAD_REQUEST, "error.noBody", new Object[0], request, null);
    }

    private static String path(java.util.List<tools.jackson.core.JacksonException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (var reference : references) {
            if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /** What a field takes, as a message suffix: number, true/false, date, text, list or object. */
    private static String kind(Class<?> target) {
        if (target == null) {
            return "value";
        }
        if (Number.class.isAssignableFrom(target)
                || target == int.class
                || target == long.class
                || target == double.class) {
            return "number";
        }
        if (target == Boolean.class || target == boolean.class) {
            return "boolean";
        }
        if (java.time.temporal.Temporal.class.isAssignableFrom(target)) {
            return "date";
        }
        if (target == String.class) {
            return "text";
        }
        if (java.util.Collection.class.isAssignableFrom(target) || target.isArray()) {
            return "list";
        }
        return "object";
    }

    /** A unique key taken (409) or a reference to something that does not exist, a NUL byte … (400): never a 500. */
    @ExceptionHandler(org.springframework.dao.DataIntegrityViolationException.class)
    ResponseEntity<ProblemDetail> integrity(
            org.springframework.dao.DataIntegrityViolationException e, HttpServletRequest request) {
        log.info(
                "{} {} refused by the database: {}",
                request.getMethod(),
                loggable(request),
                e.getMostSpecificCause().getMessage());
        if (e instanceof org.springframework.dao.DuplicateKeyException) {
            return problem(HttpStatus.CONFLICT, "error.duplicate", new Object[0], request, null);
        }
        return problem(HttpStatus.BAD_REQUEST, "error.integrity", new Object[0], request, null);
    }

    @ExceptionHandler({
        MissingServletRequestParameterException.class,
        MethodArgumentTypeMismatchException.class,
        MissingServletRequestPartException.class
    })
    ResponseEntity<ProblemDetail> badParameter(Exception e, HttpServletRequest request) {
        String name = switch (e) {
            case MissingServletRequestParameterException m -> m.getParameterName();
            case MethodArgumentTypeMismatchException m -> m.getName();
            case MissingServletRequestPartException m -> m.getRequestPartName();
            default -> "?";
        };
        return problem(HttpStatus.BAD_REQUEST, "error.badParameter", new Object[] {name}, request, null);
    }

    @ExceptionHandler(org.springframework.web.multipart.MultipartException.class)
    ResponseEntity<ProblemDetail> notMultipart(Exception e, HttpServletRequest request) {
        if (e instanceof MaxUploadSizeExceededException tooLarge) {
            return tooLarge(tooLarge, request);
        }
        return problem(HttpStatus.BAD_REQUEST, "error.badRequest", new Object[0], request, null);
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ProblemDetail> tooLarge(MaxUploadSizeExceededException e, HttpServletRequest request) {
        return problem(HttpStatus.CONTENT_TOO_LARGE, "error.uploadTooLarge", new Object[0], request, null);
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException e, HttpServletRequest request) {
        return problem(
                HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                "error.mediaType",
                new Object[] {String.valueOf(e.getContentType())},
                request,
                null);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
        return problem(HttpStatus.METHOD_NOT_ALLOWED, "error.method", new Object[] {e.getMethod()}, request, null);
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ProblemDetail> notFound(NoResourceFoundException e, HttpServletRequest request) {
        return problem(HttpStatus.NOT_FOUND, "error.notFound", new Object[0], request, null);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
        // Spring's own 4xx (a missing header, a body that cannot be produced …) keep their status, with our message
        if (e instanceof org.springframework.web.ErrorResponse known
                && known.getStatusCode().is4xxClientError()) {
            log.info("{} {} refused: {}", request.getMethod(), loggable(request), e.getMessage());
            HttpStatus status = HttpStatus.valueOf(known.getStatusCode().value());
            return problem(
                    status,
                    status == HttpStatus.NOT_FOUND ? "error.notFound" : "error.badRequest",
                    new Object[0],
                    request,
                    null);
        }
        log.error("{} {} failed", request.getMethod(), loggable(request), e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "error.internal", new Object[0], request, null);
    }

    private ResponseEntity<ProblemDetail> problem(
            HttpStatus status, String code, Object[] args, HttpServletRequest request, Map<String, String> fields) {
        Locale locale = RequestLocales.of(request);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, messages.getMessage(code, args, code, locale));
        problem.setTitle(messages.getMessage("error.title." + status.value(), null, status.getReasonPhrase(), locale));
        problem.setProperty("code", code);
        if (fields != null) {
            problem.setProperty("fields", fields);
        }
        return ResponseEntity.status(status)
                .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
