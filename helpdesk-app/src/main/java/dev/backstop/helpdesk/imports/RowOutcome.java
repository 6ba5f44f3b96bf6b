package dev.backstop.helpdesk.imports;

import dev.backstop.imports.RowError;

/** What the upsert of one row did; {@code problem} is set only for {@link Kind#REJECTED}. */
public record RowOutcome(Kind kind, RowError problem) {

    public enum Kind {
        INSERTED,
        UPDATED,
        UNCHANGED,
        REJECTED
    }

    public static final RowOutcome INSERTED = new RowOutcome(Kind.INSERTED, null);
    public static final RowOutcome UPDATED = new RowOutcome(Kind.UPDATED, null);
    public static final RowOutcome UNCHANGED = new RowOutcome(Kind.UNCHANGED, null);

    public static RowOutcome of(Kind kind) {
        return switch (kind) {
            case INSERTED -> INSERTED;
            case UPDATED -> UPDATED;
            case UNCHANGED -> UNCHANGED;
            case REJECTED -> throw new IllegalArgumentException("A rejection needs its problem");
        };
    }

    public static RowOutcome rejected(RowError problem) {
        return new RowOutcome(Kind.REJECTED, problem);
    }

    /** The outcome of a row that wrote a parent and a child record (an order and its line). */
    public static RowOutcome combine(Kind parent, Kind child) {
        if (child == Kind.INSERTED) {
            return INSERTED;
        }
        return parent == Kind.UNCHANGED && child == Kind.UNCHANGED ? UNCHANGED : UPDATED;
    }
}
