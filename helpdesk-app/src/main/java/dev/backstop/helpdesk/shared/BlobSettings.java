package dev.backstop.helpdesk.shared;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where shared files live: {@code backstop.blobs.store=database} (the default: the database every node shares) or
 * {@code s3} (an S3-compatible object store — AWS S3, MinIO, Ceph RGW, Alibaba OSS, Tencent COS …) with its
 * {@code backstop.blobs.s3.*} settings.
 */
@ConfigurationProperties("backstop.blobs")
record BlobSettings(
        @DefaultValue("database") Store store, @DefaultValue S3 s3) {

    enum Store {
        DATABASE,
        S3
    }

    /**
     * @param endpoint the service's address; empty for AWS itself
     * @param pathStyle {@code true} for servers that want {@code endpoint/bucket/key} (MinIO and most on-premises ones)
     */
    record S3(
            URI endpoint,
            @DefaultValue("us-east-1") String region,
            String bucket,
            String accessKey,
            String secretKey,
            @DefaultValue("true") boolean pathStyle) {}
}
