package dev.backstop.helpdesk.shared;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The default {@link BlobStore}: files in the database every node already shares (PostgreSQL, or the embedded H2),
 * as rows of {@value #CHUNK} bytes in {@code blob_chunks}. Saving writes chunk by chunk in one transaction (the
 * caller's, if it has one: an attachment and its row commit together); reading fetches one chunk per query, so a
 * download holds one chunk in memory and no connection between chunks.
 */
class DatabaseBlobStore implements BlobStore {

    static final int CHUNK = 512 * 1024;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;

    DatabaseBlobStore(JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    @Override
    public String save(InputStream content) throws IOException {
        String id = UUID.randomUUID().toString();
        try {
            transaction.executeWithoutResult(tx -> {
                jdbc.update(
                        "insert into blobs (id, size_bytes, created_at) values (?, 0, ?)",
                        id,
                        Timestamp.from(clock.instant()));
                long size = 0;
                int seq = 0;
                try {
                    for (byte[] chunk; (chunk = content.readNBytes(CHUNK)).length > 0; ) {
                        jdbc.update("insert into blob_chunks (blob_id, seq, data) values (?, ?, ?)", id, seq++, chunk);
                        size += chunk.length;
                    }
                } catch (IOException ex) {
                    throw new UncheckedIOException(ex);
                }
                jdbc.update("update blobs set size_bytes = ? where id = ?", size, id);
            });
        } catch (UncheckedIOException ex) {
            throw ex.getCause();
        }
        return PREFIX + id;
    }

    @Override
    public InputStream open(String reference) throws IOException {
        String id = id(reference);
        if (!exists(reference)) {
            throw new FileNotFoundException(reference);
        }
        return new InputStream() {
            private byte[] chunk = new byte[0];
            private int position;
            private int next;
            private boolean end;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] target, int offset, int length) throws IOException {
                if (length == 0) {
                    return 0;
                }
                while (position >= chunk.length) {
                    if (end) {
                        return -1;
                    }
                    List<byte[]> rows = jdbc.query(
                            "select data from blob_chunks where blob_id = ? and seq = ?",
                            (rs, i) -> rs.getBytes(1),
                            id,
                            next++);
                    if (rows.isEmpty()) {
                        end = true;
                        return -1;
                    }
                    chunk = rows.getFirst();
                    position = 0;
                }
                int n = Math.min(length, chunk.length - position);
                System.arraycopy(chunk, position, target, offset, n);
                position += n;
                return n;
            }
        };
    }

    @Override
    public boolean exists(String reference) {
        return jdbc.queryForObject("select count(*) from blobs where id = ?", Integer.class, id(reference)) > 0;
    }

    @Override
    public void delete(String reference) {
        String id = id(reference);
        jdbc.update("delete from blob_chunks where blob_id = ?", id);
        jdbc.update("delete from blobs where id = ?", id);
    }

    private static String id(String reference) {
        if (!BlobStore.isReference(reference)) {
            throw new IllegalArgumentException("not a blob reference: " + reference);
        }
        return reference.substring(PREFIX.length());
    }
}
