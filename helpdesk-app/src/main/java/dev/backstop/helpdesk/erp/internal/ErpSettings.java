package dev.backstop.helpdesk.erp.internal;

import dev.backstop.helpdesk.shared.RestSystem;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code backstop.erp.*}: the live ERP's REST endpoint (docs/integrations/erp.yaml). Without {@code base-url} the
 * desk reads only the imported snapshot.
 */
@ConfigurationProperties("backstop.erp")
record ErpSettings(URI baseUrl, String username, String password, String token, Duration connectTimeout,
        Duration readTimeout, Integer retries, Duration retryBackoff, Integer maxConcurrent, Integer circuitWindow,
        Duration circuitOpen,
        Duration budget) {

    RestSystem.Settings rest() {
        return new RestSystem.Settings(baseUrl, username, password, token, connectTimeout, readTimeout,
                retries == null ? 2 : retries, retryBackoff, maxConcurrent == null ? 20 : maxConcurrent,
                circuitWindow == null ? 20 : circuitWindow, circuitOpen);
    }
}
