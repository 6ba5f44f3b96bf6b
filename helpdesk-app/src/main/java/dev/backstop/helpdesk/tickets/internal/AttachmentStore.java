package dev.backstop.helpdesk.tickets.internal;

import dev.backstop.helpdesk.tickets.AttachmentRejected;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Attachment files under the data directory, named by a random id (never the user's file name). The size
 * limit is enforced while streaming, and a refused or failed upload leaves nothing behind.
 */
@Component
class AttachmentStore {

    private final AttachmentSettings settings;

    AttachmentStore(AttachmentSettings settings) {
        this.settings = settings;
    }

    record Stored(String relativePath, long size, String sha256) {
    }

    Stored store(String fileName, String contentType, long declaredSize, InputStream content) {
        long max = settings.maxSize().toBytes();
        if (!settings.allows(contentType)) {
            throw AttachmentRejected.typeNotAllowed(fileName, contentType);
        }
        if (declaredSize > max) {
            throw AttachmentRejected.tooLarge(fileName, max);
        }
        LocalDate today = LocalDate.now();
        String relative = "%d/%02d/%s".formatted(today.getYear(), today.getMonthValue(), UUID.randomUUID());
        Path target = settings.directory().resolve(relative);
        Path partial = target.resolveSibling(target.getFileName() + ".part");
        try {
            Files.createDirectories(target.getParent());
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            long size = 0;
            try (InputStream in = new BufferedInputStream(content); OutputStream out = Files.newOutputStream(partial)) {
                in.mark(16);
                byte[] head = in.readNBytes(16);
                in.reset();
                if (head.length > 0 && !ContentSniffer.plausible(AttachmentSettings.normalise(contentType), head)) {
                    throw AttachmentRejected.contentMismatch(fileName, contentType);
                }
                byte[] buffer = new byte[64 * 1024];
                for (int read; (read = in.read(buffer)) >= 0; ) {
                    size += read;
                    if (size > max) {
                        throw AttachmentRejected.tooLarge(fileName, max);
                    }
                    digest.update(buffer, 0, read);
                    out.write(buffer, 0, read);
                }
            }
            if (size == 0) {
                throw AttachmentRejected.empty(fileName);
            }
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            return new Stored(relative, size, HexFormat.of().formatHex(digest.digest()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } finally {
            deleteQuietly(partial);
        }
    }

    Path resolve(String relativePath) {
        return settings.directory().resolve(relativePath);
    }

    void delete(String relativePath) {
        deleteQuietly(resolve(relativePath));
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException ignored) {
            // a leftover partial file is harmless: it is never referenced by the database
        }
    }
}
