package dev.backstop.helpdesk.shared;

import java.io.IOException;
import java.io.InputStream;

/**
 * Where files live that every node must read: ticket attachments and uploaded import files. Streams both ways; no
 * implementation holds a whole file in memory. References are strings starting with {@link #PREFIX}, so a caller can
 * tell them from the file paths written before the store existed (migrated on start-up, see the callers).
 */
public interface BlobStore {

    String PREFIX = "blob:";

    /** Stores everything the stream gives and returns the new file's reference; nothing is left when it throws. */
    String save(InputStream content) throws IOException;

    /** The file's bytes; {@link java.io.FileNotFoundException} when there is no such file. */
    InputStream open(String reference) throws IOException;

    boolean exists(String reference);

    void delete(String reference);

    static boolean isReference(String value) {
        return value != null && value.startsWith(PREFIX);
    }
}
