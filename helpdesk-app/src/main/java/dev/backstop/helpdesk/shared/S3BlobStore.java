package dev.backstop.helpdesk.shared;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * {@link BlobStore} on an S3-compatible object store ({@code backstop.blobs.store=s3}): every node reads and writes one
 * bucket. A file of up to {@value #PART} bytes is one PUT; a larger one a multipart upload of parts of that size, so a
 * save holds one part in memory and a download none beyond the HTTP buffer. A save inside a transaction that then rolls
 * back deletes its object again (an attachment whose row never committed leaves no file behind; a node killed between
 * the two leaves an unreferenced object, harmless). Files saved before the switch (references without {@code s3:}) are
 * still read from and deleted in the database store.
 */
final class S3BlobStore implements BlobStore, AutoCloseable {

    static final String S3_PREFIX = PREFIX + "s3:";
    static final int PART = 8 * 1024 * 1024;

    private final S3Client s3;
    private final String bucket;
    private final BlobStore before;

    S3BlobStore(S3Client s3, String bucket, BlobStore before) {
        this.s3 = s3;
        this.bucket = bucket;
        this.before = before;
    }

    /** A store on the configured bucket; refuses to start when the bucket is not set or cannot be reached. */
    static S3BlobStore connect(BlobSettings.S3 settings, BlobStore before) {
        if (settings.bucket() == null || settings.bucket().isBlank()) {
            throw new IllegalStateException("backstop.blobs.store=s3 needs backstop.blobs.s3.bucket");
        }
        S3ClientBuilder builder = S3Client.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .region(Region.of(settings.region()))
                .forcePathStyle(settings.pathStyle())
                // the checksums AWS added in 2025 are not understood by every S3-compatible server
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .credentialsProvider(
                        settings.accessKey() == null
                                ? DefaultCredentialsProvider.builder().build()
                                : StaticCredentialsProvider.create(
                                        AwsBasicCredentials.create(settings.accessKey(), settings.secretKey())));
        if (settings.endpoint() != null) {
            builder.endpointOverride(settings.endpoint());
        }
        S3Client client = builder.build();
        try {
            client.headBucket(head -> head.bucket(settings.bucket()));
        } catch (SdkException ex) {
            client.close();
            throw new IllegalStateException(
                    "The S3 bucket '" + settings.bucket() + "' at "
                            + (settings.endpoint() == null ? "AWS" : settings.endpoint()) + " cannot be reached: "
                            + ex.getMessage(),
                    ex);
        }
        return new S3BlobStore(client, settings.bucket(), before);
    }

    @Override
    public String save(InputStream content) throws IOException {
        String key = UUID.randomUUID().toString();
        try {
            byte[] first = content.readNBytes(PART);
            if (first.length < PART) {
                s3.putObject(put -> put.bucket(bucket).key(key), RequestBody.fromBytes(first));
            } else {
                uploadInParts(key, first, content);
            }
        } catch (SdkException ex) {
            throw new IOException(
                    "The file could not be stored in the S3 bucket '" + bucket + "': " + ex.getMessage(), ex);
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    if (status == STATUS_ROLLED_BACK) {
                        delete(S3_PREFIX + key);
                    }
                }
            });
        }
        return S3_PREFIX + key;
    }

    private void uploadInParts(String key, byte[] first, InputStream rest) throws IOException {
        String upload = s3.createMultipartUpload(create -> create.bucket(bucket).key(key))
                .uploadId();
        try {
            List<CompletedPart> parts = new ArrayList<>();
            byte[] part = first;
            for (int number = 1; part.length > 0; number++) {
                int partNumber = number;
                byte[] bytes = part;
                String etag = s3.uploadPart(
                                request -> request.bucket(bucket)
                                        .key(key)
                                        .uploadId(upload)
                                        .partNumber(partNumber)
                                        .contentLength((long) bytes.length),
                                RequestBody.fromBytes(bytes))
                        .eTag();
                parts.add(CompletedPart.builder()
                        .partNumber(partNumber)
                        .eTag(etag)
                        .build());
                part = rest.readNBytes(PART);
            }
            s3.completeMultipartUpload(complete ->
                    complete.bucket(bucket).key(key).uploadId(upload).multipartUpload(done -> done.parts(parts)));
        } catch (IOException | RuntimeException ex) {
            try {
                s3.abortMultipartUpload(abort -> abort.bucket(bucket).key(key).uploadId(upload));
            } catch (SdkException abortFailed) {
                ex.addSuppressed(abortFailed);
            }
            throw ex;
        }
    }

    @Override
    public InputStream open(String reference) throws IOException {
        if (!reference.startsWith(S3_PREFIX)) {
            return before.open(reference);
        }
        try {
            return s3.getObject(get -> get.bucket(bucket).key(key(reference)));
        } catch (NoSuchKeyException ex) {
            throw new FileNotFoundException(reference);
        } catch (SdkException ex) {
            throw new IOException(
                    "The file could not be read from the S3 bucket '" + bucket + "': " + ex.getMessage(), ex);
        }
    }

    @Override
    public boolean exists(String reference) {
        if (!reference.startsWith(S3_PREFIX)) {
            return before.exists(reference);
        }
        try {
            s3.headObject(head -> head.bucket(bucket).key(key(reference)));
            return true;
        } catch (NoSuchKeyException ex) {
            return false;
        } catch (S3Exception ex) {
            if (ex.statusCode() == 404) {
                return false;
            }
            throw ex;
        }
    }

    @Override
    public void delete(String reference) {
        if (!reference.startsWith(S3_PREFIX)) {
            before.delete(reference);
            return;
        }
        s3.deleteObject(delete -> delete.bucket(bucket).key(key(reference)));
    }

    @Override
    public void close() {
        s3.close();
    }

    private static String key(String reference) {
        return reference.substring(S3_PREFIX.length());
    }
}
