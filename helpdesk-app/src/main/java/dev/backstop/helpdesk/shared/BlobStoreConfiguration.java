package dev.backstop.helpdesk.shared;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/** The one {@link BlobStore}, chosen by {@link BlobSettings#store()}. */
@Configuration(proxyBeanMethods = false)
class BlobStoreConfiguration {

    @Bean
    BlobStore blobStore(
            BlobSettings settings, JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock) {
        DatabaseBlobStore database = new DatabaseBlobStore(jdbc, transactions, clock);
        return switch (settings.store()) {
            case DATABASE -> database;
            case S3 -> S3BlobStore.connect(settings.s3(), database);
        };
    }
}
