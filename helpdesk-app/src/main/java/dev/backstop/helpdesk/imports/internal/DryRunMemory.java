package dev.backstop.helpdesk.imports.internal;

import dev.backstop.helpdesk.imports.RowOutcome;
import dev.backstop.imports.ParsedRow;
import java.util.List;

/**
 * A dry run rolls every batch back, so a later batch no longer sees what an earlier one wrote. To count like the apply
 * would, it remembers the records it inserted or changed: a 64-bit hash of the natural key and a hash of the row's values
 * (12 bytes a slot in open-addressed arrays at most half full: 24 to 48 bytes a record, about 50 MB for a million new
 * records at worst). A record seen again counts unchanged when its values are the same as last time, else updated.
 */
final class DryRunMemory {

    private final List<String> keyFields;
    private long[] keys = new long[1 << 12];
    private int[] values = new int[1 << 12];
    private int size;

    DryRunMemory(List<String> keyFields) {
        this.keyFields = keyFields;
    }

    /** The outcome the apply would report for this row, given what the database (without earlier batches) said. */
    RowOutcome.Kind outcome(ParsedRow row, RowOutcome.Kind fromDatabase) {
        if (fromDatabase == RowOutcome.Kind.REJECTED) {
            return fromDatabase;
        }
        long key = keyHash(row);
        int slot = slot(key);
        int hash = row.values().hashCode();
        if (keys[slot] == key) {
            boolean same = values[slot] == hash;
            values[slot] = hash;
            return same ? RowOutcome.Kind.UNCHANGED : RowOutcome.Kind.UPDATED;
        }
        if (fromDatabase != RowOutcome.Kind.UNCHANGED) {
            keys[slot] = key;
            values[slot] = hash;
            if (++size * 2 > keys.length) {
                grow();
            }
        }
        return fromDatabase;
    }

    private int slot(long key) {
        int mask = keys.length - 1;
        int slot = (int) (key ^ (key >>> 32)) & mask;
        while (keys[slot] != 0 && keys[slot] != key) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new int[oldKeys.length * 2];
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != 0) {
                int slot = slot(oldKeys[i]);
                keys[slot] = oldKeys[i];
                values[slot] = oldValues[i];
            }
        }
    }

    /** FNV-1a over the key values' text, never 0 (0 marks a free slot). */
    private long keyHash(ParsedRow row) {
        long hash = 0xcbf29ce484222325L;
        for (String field : keyFields) {
            String text = String.valueOf(row.get(field));
            for (int i = 0; i < text.length(); i++) {
                hash ^= text.charAt(i);
                hash *= 0x100000001b3L;
            }
            hash ^= 0x1f;
            hash *= 0x100000001b3L;
        }
        return hash == 0 ? 1 : hash;
    }
}
