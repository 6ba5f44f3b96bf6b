package dev.backstop.helpdesk.shared;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * A live system reached over HTTP with JSON (ERP, WMS): timeouts, retries with exponential back-off (connection
 * failures and 5xx only, never a garbage answer), a circuit breaker and a bulkhead (Resilience4j, used
 * programmatically). Every failure leaves as {@link LiveSystemUnavailable} with the {@link Sourced.Problem} the desk
 * shows; a 404 is an answer ("no such thing"), not a failure.
 */
public final class RestSystem {

    /**
     * @param baseUrl        e.g. {@code https://erp-gw.example.cn/backstop/v1}
     * @param username       HTTP Basic (with password), or
     * @param token          a bearer token
     * @param retries        extra attempts after the first, for connection failures and 5xx
     * @param maxConcurrent  calls in flight at once; more are refused at once (BUSY), never queued
     * @param circuitWindow  the circuit opens when half of the last {@code circuitWindow} calls failed (and at least
     *                       half a window of calls was seen)
     * @param openFor        how long the circuit then stays open before it lets three trial calls through
     */
    public record Settings(
            URI baseUrl,
            String username,
            String password,
            String token,
            Duration connectTimeout,
            Duration readTimeout,
            int retries,
            Duration backoff,
            int maxConcurrent,
            int circuitWindow,
            Duration openFor) {

        public Settings {
            connectTimeout = connectTimeout == null ? Duration.ofSeconds(1) : connectTimeout;
            readTimeout = readTimeout == null ? Duration.ofSeconds(2) : readTimeout;
            retries = Math.max(0, retries);
            backoff = backoff == null ? Duration.ofMillis(100) : backoff;
            maxConcurrent = maxConcurrent <= 0 ? 20 : maxConcurrent;
            circuitWindow = circuitWindow <= 0 ? 20 : circuitWindow;
            openFor = openFor == null ? Duration.ofSeconds(30) : openFor;
        }
    }

    private final String name;
    private final Settings settings;
    private final ObjectMapper json;
    private final HttpClient http;
    private final Retry retry;
    private final CircuitBreaker circuit;
    private final Bulkhead bulkhead;

    public RestSystem(String name, Settings settings, ObjectMapper json) {
        this.name = name;
        this.settings = settings;
        this.json = json;
        this.http = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.retry = Retry.of(
                name,
                RetryConfig.custom()
                        .maxAttempts(settings.retries() + 1)
                        .intervalFunction(IntervalFunction.ofExponentialBackoff(settings.backoff(), 2.0))
                        .retryOnException(
                                e -> e instanceof LiveSystemUnavailable u && u.problem() == Sourced.Problem.UNREACHABLE)
                        .build());
        this.circuit = CircuitBreaker.of(
                name,
                CircuitBreakerConfig.custom()
                        .slidingWindowSize(settings.circuitWindow())
                        .minimumNumberOfCalls(Math.max(5, settings.circuitWindow() / 2))
                        .failureRateThreshold(50)
                        .waitDurationInOpenState(settings.openFor())
                        .permittedNumberOfCallsInHalfOpenState(3)
                        .automaticTransitionFromOpenToHalfOpenEnabled(false)
                        .recordException(e -> e instanceof LiveSystemUnavailable)
                        .build());
        this.bulkhead = Bulkhead.of(
                name,
                BulkheadConfig.custom()
                        .maxConcurrentCalls(settings.maxConcurrent())
                        .maxWaitDuration(Duration.ZERO)
                        .build());
    }

    /** GET {@code path} (relative to the base URL) as JSON; empty on 404. */
    public Optional<JsonNode> get(String path) {
        Supplier<Optional<JsonNode>> call = () -> once(path);
        Supplier<Optional<JsonNode>> guarded = Retry.decorateSupplier(
                retry, CircuitBreaker.decorateSupplier(circuit, Bulkhead.decorateSupplier(bulkhead, call)));
        try {
            return guarded.get();
        } catch (CallNotPermittedException e) {
            throw new LiveSystemUnavailable(Sourced.Problem.CIRCUIT_OPEN, name + " circuit open", e);
        } catch (BulkheadFullException e) {
            throw new LiveSystemUnavailable(Sourced.Problem.BUSY, name + " bulkhead full", e);
        }
    }

    /** The circuit breaker's state, for health and tests: CLOSED, OPEN, HALF_OPEN … */
    public String circuitState() {
        return circuit.getState().name();
    }

    private Optional<JsonNode> once(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(resolve(path))
                .timeout(settings.readTimeout())
                .header("Accept", "application/json")
                .GET();
        if (settings.token() != null && !settings.token().isBlank()) {
            request.header("Authorization", "Bearer " + settings.token());
        } else if (settings.username() != null && !settings.username().isBlank()) {
            String pair = settings.username() + ":" + (settings.password() == null ? "" : settings.password());
            request.header(
                    "Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
        }
        HttpResponse<byte[]> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpTimeoutException e) {
            throw new LiveSystemUnavailable(
                    e instanceof java.net.http.HttpConnectTimeoutException
                            ? Sourced.Problem.UNREACHABLE
                            : Sourced.Problem.SLOW,
                    name + " " + path,
                    e);
        } catch (IOException e) {
            throw new LiveSystemUnavailable(Sourced.Problem.UNREACHABLE, name + " " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LiveSystemUnavailable(Sourced.Problem.SLOW, name + " interrupted", e);
        }
        int status = response.statusCode();
        if (status == 404) {
            return Optional.empty();
        }
        if (status != 200) {
            throw new LiveSystemUnavailable(
                    Sourced.Problem.UNREACHABLE, name + " " + path + " answered " + status, null);
        }
        String type = response.headers().firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT);
        if (!type.startsWith("application/json")) {
            throw new LiveSystemUnavailable(Sourced.Problem.BAD_ANSWER, name + " " + path + " sent " + type, null);
        }
        try {
            JsonNode body = json.readTree(response.body());
            if (body == null || !body.isObject()) {
                throw new LiveSystemUnavailable(
                        Sourced.Problem.BAD_ANSWER, name + " " + path + " sent no JSON object", null);
            }
            return Optional.of(body);
        } catch (JacksonException e) {
            throw new LiveSystemUnavailable(Sourced.Problem.BAD_ANSWER, name + " " + path + " sent malformed JSON", e);
        }
    }

    private URI resolve(String path) {
        String base = settings.baseUrl().toString();
        return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path);
    }
}
