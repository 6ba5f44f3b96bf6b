package dev.backstop.helpdesk.imports.internal;

import dev.backstop.helpdesk.shared.BlobStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The seam between import jobs and where their files live. An uploaded (or dropped) file goes into the shared
 * {@link BlobStore}, so whichever node's worker claims the job can read it; the CSV reader wants a local file, so a
 * node streams the file into its own cache under the upload directory when it first needs it (never whole in memory)
 * and reads it from there. The cache is this node's alone and derived: a file unused for {@link #CACHE_KEPT} goes.
 * Paths written before the store existed are still read where they are until {@link ImportFileMigration} moved them.
 */
@Component
class UploadedFiles {

    static final Duration CACHE_KEPT = Duration.ofHours(6);

    private final BlobStore blobs;
    private final ImportSettings settings;
    private final Clock clock;

    UploadedFiles(BlobStore blobs, ImportSettings settings, Clock clock) {
        this.blobs = blobs;
        this.settings = settings;
        this.clock = clock;
    }

    record Stored(String reference, long size, String sha256) {}

    /** Stores the stream in the shared store while computing its size and SHA-256 (the audit names the exact file). */
    Stored store(InputStream content) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            long[] size = {0};
            InputStream counting = new DigestInputStream(content, digest) {
                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    int read = super.read(b, off, len);
                    size[0] += Math.max(read, 0);
                    return read;
                }
            };
            String reference = blobs.save(counting);
            return new Stored(reference, size[0], HexFormat.of().formatHex(digest.digest()));
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    Stored store(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return store(in);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    boolean exists(String stored) {
        return BlobStore.isReference(stored) ? blobs.exists(stored) : Files.exists(Path.of(stored));
    }

    /** A local file with the stored file's bytes, for the CSV reader. */
    Path local(String stored) {
        if (!BlobStore.isReference(stored)) {
            return Path.of(stored);
        }
        Path cached = cacheOf(stored);
        try {
            if (Files.exists(cached)) {
                Files.setLastModifiedTime(cached, FileTime.from(clock.instant()));
                return cached;
            }
            Files.createDirectories(cached.getParent());
            Path partial = Files.createTempFile(cached.getParent(), ".fetch-", ".part");
            try (InputStream in = blobs.open(stored)) {
                Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
                try {
                    Files.move(partial, cached, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException ex) {
                    Files.move(partial, cached, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(partial);
            }
            return cached;
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** Removes the file from the shared store and this node's cache; a legacy path only under the upload directory. */
    boolean remove(String stored) throws IOException {
        if (BlobStore.isReference(stored)) {
            boolean existed = blobs.exists(stored);
            blobs.delete(stored);
            Files.deleteIfExists(cacheOf(stored));
            return existed;
        }
        Path file = Path.of(stored).toAbsolutePath().normalize();
        return file.startsWith(settings.uploadDir().toAbsolutePath().normalize()) && Files.deleteIfExists(file);
    }

    @Scheduled(
            initialDelayString = "${backstop.imports.cache-sweep-interval:30m}",
            fixedDelayString = "${backstop.imports.cache-sweep-interval:30m}")
    void sweepCache() throws IOException {
        Path cache = settings.uploadDir().resolve("cache");
        if (!Files.isDirectory(cache)) {
            return;
        }
        FileTime before = FileTime.from(clock.instant().minus(CACHE_KEPT));
        try (Stream<Path> files = Files.list(cache)) {
            for (Path file : files.toList()) {
                if (Files.getLastModifiedTime(file).compareTo(before) < 0) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    private Path cacheOf(String reference) {
        return settings.uploadDir().resolve("cache").resolve(reference.substring(BlobStore.PREFIX.length()) + ".csv");
    }
}
