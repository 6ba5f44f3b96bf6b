package dev.backstop.helpdesk.shared;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * The settings of one live system reached over REST (ERP: {@code backstop.erp.*}, WMS: {@code backstop.wms.*}): its
 * endpoint and credentials, the HTTP resilience ({@link RestSystem.Settings}) and the desk's time budget. Without
 * {@code base-url} the desk reads only the imported snapshot. One type for every live system, bound under the
 * system's own prefix by {@link #of}, so the property names stay those each system has always had.
 */
public record LiveSystemSettings(
        URI baseUrl,
        String username,
        String password,
        String token,
        Duration connectTimeout,
        Duration readTimeout,
        Integer retries,
        Duration retryBackoff,
        Integer maxConcurrent,
        Integer circuitWindow,
        Duration circuitOpen,
        Duration budget) {

    /** The settings under {@code prefix} ({@code backstop.erp}); all defaults when none is set. */
    public static LiveSystemSettings of(Environment environment, String prefix) {
        return Binder.get(environment)
                .bind(prefix, LiveSystemSettings.class)
                .orElseGet(() ->
                        new LiveSystemSettings(null, null, null, null, null, null, null, null, null, null, null, null));
    }

    /** The HTTP client's settings: two retries, 20 calls in flight and a window of 20 calls unless set. */
    public RestSystem.Settings rest() {
        return new RestSystem.Settings(
                baseUrl,
                username,
                password,
                token,
                connectTimeout,
                readTimeout,
                retries == null ? 2 : retries,
                retryBackoff,
                maxConcurrent == null ? 20 : maxConcurrent,
                circuitWindow == null ? 20 : circuitWindow,
                circuitOpen);
    }

    /** The longest the desk waits for the live system before it shows the snapshot: 2 s unless set. */
    public Duration budgetOrDefault() {
        return budget == null ? Duration.ofSeconds(2) : budget;
    }
}
