package dev.backstop.helpdesk.tickets.internal;

import dev.backstop.helpdesk.shared.BlobStore;
import dev.backstop.helpdesk.tickets.AttachmentRejected;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.springframework.stereotype.Component;

/**
 * Attachment files in the {@link BlobStore} every node reads (never under the user's file name). Type, content and
 * size limit are checked while streaming, and a refused or failed upload leaves nothing behind. Files written to this
 * node's disk before the store existed are read from there until {@link AttachmentMigration} moved them.
 */
@Component
class AttachmentStore {

    private final AttachmentSettings settings;
    private final BlobStore blobs;

    AttachmentStore(AttachmentSettings settings, BlobStore blobs) {
        this.settings = settings;
        this.blobs = blobs;
    }

    record Stored(String reference, long size, String sha256) {}

    Stored store(String fileName, String contentType, long declaredSize, InputStream content) {
        long max = settings.maxSize().toBytes();
        if (!settings.allows(contentType)) {
            throw AttachmentRejected.typeNotAllowed(fileName, contentType);
        }
        if (declaredSize > max) {
            throw AttachmentRejected.tooLarge(fileName, max);
        }
        try (InputStream in = new BufferedInputStream(content)) {
            in.mark(16);
            byte[] head = in.readNBytes(16);
            in.reset();
            if (head.length == 0) {
                throw AttachmentRejected.empty(fileName);
            }
            if (!ContentSniffer.plausible(AttachmentSettings.normalise(contentType), head)) {
                throw AttachmentRejected.contentMismatch(fileName, contentType);
            }
            Counted counted = new Counted(in, max, fileName);
            String reference = blobs.save(counted);
            return new Stored(reference, counted.size, HexFormat.of().formatHex(counted.digest.digest()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    InputStream open(String reference) throws IOException {
        return BlobStore.isReference(reference) ? blobs.open(reference) : Files.newInputStream(legacyPath(reference));
    }

    Path legacyPath(String relativePath) {
        return settings.directory().resolve(relativePath);
    }

    void delete(String reference) {
        if (BlobStore.isReference(reference)) {
            blobs.delete(reference);
        }
    }

    /** Counts and digests what passes, and refuses more than the limit while it streams. */
    private static final class Counted extends FilterInputStream {

        final MessageDigest digest;
        final long max;
        final String fileName;
        long size;

        Counted(InputStream in, long max, String fileName) {
            super(in);
            this.max = max;
            this.fileName = fileName;
            try {
                this.digest = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int read = super.read(buffer, offset, length);
            if (read > 0) {
                size += read;
                if (size > max) {
                    throw AttachmentRejected.tooLarge(fileName, max);
                }
                digest.update(buffer, offset, read);
            }
            return read;
        }
    }
}
