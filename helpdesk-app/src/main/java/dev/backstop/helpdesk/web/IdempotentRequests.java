package dev.backstop.helpdesk.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.PathContainer;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.DefaultTransactionDefinition;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Creation requests that carry an {@code Idempotency-Key} (header, or the {@code idempotencyKey} field the new-ticket
 * and request forms render once per page) happen once per key and caller, on whichever node the retry lands:
 * <ul>
 * <li>the key is claimed by a row in {@code idempotency_keys} inside one transaction around the whole request, which
 * the service joins, so the ticket and the stored answer commit together or not at all (a node that dies half-way
 * leaves nothing, and the retry creates);</li>
 * <li>a second request with the key waits for the first one's commit (the row's unique key) and then gets the first
 * answer again — same status, same body, same {@code Location} — with {@code Idempotent-Replayed: true};</li>
 * <li>the same key with a different request is 422; a refused request (4xx/5xx) keeps nothing, so it may be retried.</li>
 * </ul>
 * Keys are kept 24 hours ({@link IdempotencyKeys#removeExpired}). Other requests pass untouched.
 */
class IdempotentRequests extends OncePerRequestFilter {

    static final String HEADER = "Idempotency-Key";
    static final String FORM_FIELD = "idempotencyKey";
    static final Pattern VALID_KEY = Pattern.compile("[\\x21-\\x7e]{1,100}");
    private static final int MAX_BODY = 1024 * 1024;
    static final List<PathPattern> CREATIONS = List.of(
                    "/api/v1/tickets",
                    "/api/v1/distributors/{code}/requests",
                    "/api/v1/calls/missed",
                    "/api/v1/kb/escalations",
                    "/workspace/tickets/new",
                    "/portal/tickets/new",
                    "/workspace/distributors/{code}/requests",
                    "/portal/account/requests",
                    "/workspace/kb/escalations")
            .stream()
            .map(PathPatternParser.defaultInstance::parse)
            .toList();

    private final IdempotencyKeys keys;
    private final PlatformTransactionManager transactions;
    private final ErrorAnswers problems;

    IdempotentRequests(IdempotencyKeys keys, PlatformTransactionManager transactions, ErrorAnswers problems) {
        this.keys = keys;
        this.transactions = transactions;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        if (!"POST".equals(request.getMethod())) {
            return true;
        }
        PathContainer path = PathContainer.parsePath(
                request.getRequestURI().substring(request.getContextPath().length()));
        return CREATIONS.stream().noneMatch(pattern -> pattern.matches(path));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean form = isForm(request);
        String key = form ? request.getParameter(FORM_FIELD) : request.getHeader(HEADER);
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        if (key == null || key.isEmpty() || caller == null || !caller.isAuthenticated()) {
            chain.doFilter(request, response);
            return;
        }
        boolean api = request.getRequestURI().startsWith(request.getContextPath() + "/api/");
        if (!VALID_KEY.matcher(key).matches()) {
            problems.write(request, response, 400, "error.idempotencyKey.invalid");
            return;
        }
        byte[] body = form ? formFingerprint(request) : request.getInputStream().readNBytes(MAX_BODY + 1);
        if (body.length > MAX_BODY) {
            problems.write(request, response, 413, "error.uploadTooLarge");
            return;
        }
        String hash = sha256(request.getMethod() + " " + request.getRequestURI() + "\n", body);
        IdempotencyKeys.Claim claim =
                new IdempotencyKeys.Claim(caller.getName(), key, hash, request.getMethod(), request.getRequestURI());

        TransactionStatus tx = transactions.getTransaction(new DefaultTransactionDefinition());
        if (!keys.claim(claim)) {
            transactions.rollback(tx);
            answerAgain(request, response, claim, keys.find(claim.principal(), key));
            return;
        }
        ContentCachingResponseWrapper buffered = new HeldBack(response);
        HttpServletRequest replayable = form ? request : new CachedBody(request, body);
        boolean committed = false;
        try {
            chain.doFilter(replayable, buffered);
            int status = buffered.getStatus();
            boolean created = api ? status >= 200 && status < 300 : status >= 300 && status < 400;
            if (created && !tx.isRollbackOnly()) {
                keys.answered(
                        claim,
                        status,
                        buffered.getContentType(),
                        buffered.getHeader(HttpHeaders.LOCATION),
                        api ? new String(buffered.getContentAsByteArray(), StandardCharsets.UTF_8) : null);
                transactions.commit(tx);
            } else {
                transactions.rollback(tx);
            }
            committed = true;
        } finally {
            if (!committed && !tx.isCompleted()) {
                transactions.rollback(tx);
            }
        }
        buffered.copyBodyToResponse();
    }

    private void answerAgain(
            HttpServletRequest request,
            HttpServletResponse response,
            IdempotencyKeys.Claim claim,
            Optional<IdempotencyKeys.Answer> first)
            throws IOException {
        if (first.isEmpty()) {
            // the first request with the key was refused and kept nothing while we waited: the caller may simply retry
            problems.write(request, response, 409, "error.idempotencyKey.retry");
            return;
        }
        IdempotencyKeys.Answer answer = first.get();
        if (!answer.requestHash().equals(claim.requestHash())) {
            problems.write(request, response, 422, "error.idempotencyKey.reused");
            return;
        }
        response.setStatus(answer.status());
        response.setHeader("Idempotent-Replayed", "true");
        if (answer.location() != null) {
            response.setHeader(HttpHeaders.LOCATION, answer.location());
        }
        if (answer.contentType() != null) {
            response.setContentType(answer.contentType());
        }
        if (answer.body() != null) {
            byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
            response.setContentLength(bytes.length);
            response.getOutputStream().write(bytes);
        }
    }

    private static boolean isForm(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("application/x-www-form-urlencoded");
    }

    /** A form's fields, sorted, without the CSRF token and the key itself: what the person submitted. */
    private static byte[] formFingerprint(HttpServletRequest request) {
        Map<String, List<String>> fields = new TreeMap<>();
        request.getParameterMap().forEach((name, values) -> {
            if (!name.equals("_csrf") && !name.equals(FORM_FIELD)) {
                fields.put(name, List.of(values));
            }
        });
        return fields.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String sha256(String head, byte[] body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(head.getBytes(StandardCharsets.UTF_8));
            digest.update(body);
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /**
     * Holds the whole answer back until the transaction committed — a redirect too: sent at once, the browser could
     * ask for the new ticket before it is committed.
     */
    private static final class HeldBack extends ContentCachingResponseWrapper {

        HeldBack(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void sendRedirect(String location) {
            sendRedirect(location, HttpServletResponse.SC_FOUND, true);
        }

        @Override
        public void sendRedirect(String location, int status, boolean clearBuffer) {
            setStatus(status);
            setHeader(HttpHeaders.LOCATION, location);
        }
    }

    /** The request with its body read once already, served again to the controller. */
    private static final class CachedBody extends HttpServletRequestWrapper {

        private final byte[] body;

        CachedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException();
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
