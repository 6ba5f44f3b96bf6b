package dev.backstop.imports;

/** How a cell is converted; see {@link Values} for the accepted forms of each. */
public enum FieldType {
    /** Kept as written (stripped). */
    TEXT,
    /** {@link java.time.LocalDate}. */
    DATE,
    /** {@link java.time.LocalDateTime}. */
    DATE_TIME,
    /** {@link java.math.BigDecimal}, may be negative. */
    AMOUNT,
    /** {@link java.math.BigDecimal}, never negative. */
    QUANTITY,
    /** {@link Long}. */
    INTEGER,
    /** {@link Boolean}. */
    BOOLEAN,
    /** A code ({@link String}) given as the code or one of its labels. */
    CHOICE,
    /** A normalized phone number ({@link String}). */
    PHONE,
    /** A lower-case e-mail address ({@link String}). */
    EMAIL
}
