package dev.backstop.helpdesk.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backstop.helpdesk.testsupport.S3Server;
import java.io.ByteArrayInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Random;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The S3-compatible store against a real S3 server (S3Proxy in a JVM of its own): what is saved reads back byte for
 * byte, small or in parts; a save whose transaction rolls back leaves no object; files the database store saved before
 * the switch are still read; a bucket that does not exist stops the start with a message naming it.
 */
class S3BlobStoreTests {

    static final String BUCKET = "backstop-store-tests";
    static S3BlobStore store;
    static DatabaseBlobStore database;
    static JdbcDataSource h2;

    @BeforeAll
    static void connect() {
        S3Server.createBucket(BUCKET);
        h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:s3blobs;DB_CLOSE_DELAY=-1");
        JdbcTemplate jdbc = new JdbcTemplate(h2);
        jdbc.execute(
                "create table blobs (id varchar(36) primary key, size_bytes bigint not null, created_at timestamp not null)");
        jdbc.execute(
                "create table blob_chunks (blob_id varchar(36) not null, seq int not null, data varbinary not null, primary key (blob_id, seq))");
        database = new DatabaseBlobStore(jdbc, new DataSourceTransactionManager(h2), Clock.systemUTC());
        store = S3BlobStore.connect(settings(BUCKET), database);
    }

    @AfterAll
    static void close() {
        store.close();
    }

    static BlobSettings.S3 settings(String bucket) {
        return new BlobSettings.S3(
                S3Server.endpoint(), "us-east-1", bucket, S3Server.ACCESS_KEY, S3Server.SECRET_KEY, true);
    }

    @Test
    void aSmallFileAndOneOfSeveralPartsReadBackByteForByte() throws IOException {
        byte[] small = "发票 INV-2026-0001".getBytes(StandardCharsets.UTF_8);
        byte[] large = new byte[S3BlobStore.PART * 2 + 12345];
        new Random(7).nextBytes(large);

        String smallRef = store.save(new ByteArrayInputStream(small));
        String largeRef = store.save(new ByteArrayInputStream(large));

        assertThat(smallRef).startsWith(BlobStore.PREFIX);
        assertThat(read(smallRef)).isEqualTo(small);
        assertThat(read(largeRef)).isEqualTo(large);
        assertThat(objectsInBucket())
                .contains(
                        smallRef.substring(S3BlobStore.S3_PREFIX.length()),
                        largeRef.substring(S3BlobStore.S3_PREFIX.length()));
    }

    @Test
    void aDeletedFileIsGoneAndOpeningItSaysNotFound() throws IOException {
        String ref = store.save(new ByteArrayInputStream(new byte[] {1, 2, 3}));
        assertThat(store.exists(ref)).isTrue();

        store.delete(ref);

        assertThat(store.exists(ref)).isFalse();
        assertThatThrownBy(() -> store.open(ref)).isInstanceOf(FileNotFoundException.class);
    }

    @Test
    void aSaveWhoseTransactionRollsBackLeavesNoObject() {
        TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(h2));
        String[] saved = new String[1];

        transaction.executeWithoutResult(tx -> {
            try {
                saved[0] = store.save(new ByteArrayInputStream("回滚".getBytes(StandardCharsets.UTF_8)));
            } catch (IOException ex) {
                throw new IllegalStateException(ex);
            }
            assertThat(store.exists(saved[0])).isTrue();
            tx.setRollbackOnly();
        });

        assertThat(store.exists(saved[0])).isFalse();
    }

    @Test
    void filesTheDatabaseStoreSavedBeforeTheSwitchAreStillRead() throws IOException {
        byte[] old = "旧附件".getBytes(StandardCharsets.UTF_8);
        String ref = database.save(new ByteArrayInputStream(old));

        assertThat(store.exists(ref)).isTrue();
        assertThat(read(ref)).isEqualTo(old);
    }

    @Test
    void aMissingBucketStopsTheStartWithAMessageNamingIt() {
        assertThatThrownBy(() -> S3BlobStore.connect(settings("no-such-bucket"), database))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no-such-bucket")
                .hasMessageContaining(S3Server.endpoint().toString());
    }

    static byte[] read(String ref) throws IOException {
        try (InputStream in = store.open(ref)) {
            return in.readAllBytes();
        }
    }

    static List<String> objectsInBucket() {
        try (S3Client s3 = S3Server.client()) {
            return s3.listObjectsV2(list -> list.bucket(BUCKET)).contents().stream()
                    .map(S3Object::key)
                    .toList();
        }
    }
}
