package dev.backstop.imports;

/**
 * Every problem code this library reports; the app translates them ({@code messages*.properties}),
 * with {@link RowError#arguments()} as the message arguments in the order given here.
 */
public final class ImportCodes {

    /** The file holds no text at all (or only a byte-order mark / white space). */
    public static final String FILE_EMPTY = "imports.file.empty";
    /**
     * A warning, the file is still read: it decodes as UTF-8 but reads like garbled Chinese (GBK read as Latin-1, or
     * UTF-8 read as GBK, and saved again); arguments: the garbled text, what it most likely said.
     */
    public static final String FILE_MOJIBAKE = "imports.file.mojibake";
    /** A header line and no data rows. */
    public static final String FILE_HEADER_ONLY = "imports.file.headerOnly";
    /** NUL or other control bytes: a spreadsheet, image or archive, not CSV text. */
    public static final String FILE_BINARY = "imports.file.binary";
    /** Neither UTF-8 nor GB18030 (or the forced charset) decodes the file; argument: charsets tried. */
    public static final String FILE_ENCODING = "imports.file.encoding";
    /** A row has a different number of fields than the header; arguments: expected, actual. */
    public static final String ROW_FIELD_COUNT = "imports.row.fieldCount";
    /**
     * A quoted field is never closed; reading stops there. Arguments: the line where the quote opened, the number of
     * rows not read (estimated from the non-blank lines after it, the row itself included).
     */
    public static final String ROW_UNCLOSED_QUOTE = "imports.row.unclosedQuote";
    /** A required field has no column in the header; column = the field name; argument: the field name. */
    public static final String COLUMN_MISSING = "imports.column.missing";
    /** A header matches no field; its column is ignored; column = the header as written. */
    public static final String COLUMN_UNKNOWN = "imports.column.unknown";
    /** Two headers map to the same field; argument: the field name. */
    public static final String COLUMN_DUPLICATE = "imports.column.duplicate";
    /** A value that must be present is blank. */
    public static final String VALUE_EMPTY = "imports.value.empty";
    /** Not a date in a known format; argument: the value. */
    public static final String VALUE_DATE = "imports.value.date";
    /** Not an amount in a known format; argument: the value. */
    public static final String VALUE_AMOUNT = "imports.value.amount";
    /** Not a date with an optional time in a known format; argument: the value. */
    public static final String VALUE_DATETIME = "imports.value.datetime";
    /** Not a non-negative quantity; argument: the value. */
    public static final String VALUE_QUANTITY = "imports.value.quantity";
    /** Not a whole number; argument: the value. */
    public static final String VALUE_INTEGER = "imports.value.integer";
    /** Neither a code nor a label of the field's choices; arguments: the value, the accepted codes. */
    public static final String VALUE_ENUM = "imports.value.enum";
    /** Not a mobile, landline or service number; argument: the value. */
    public static final String VALUE_PHONE = "imports.value.phone";
    /** Not yes/no (是/否, Y/N, true/false, 1/0); argument: the value. */
    public static final String VALUE_BOOLEAN = "imports.value.boolean";
    /** Not an e-mail address; argument: the value. */
    public static final String VALUE_EMAIL = "imports.value.email";
    /** Longer than the field allows; arguments: the length, the maximum. */
    public static final String VALUE_TOO_LONG = "imports.value.tooLong";
    /** The file is larger than allowed; arguments: its size in bytes, the limit in bytes. */
    public static final String FILE_TOO_LARGE = "imports.file.tooLarge";
    /** The file has more lines than allowed; arguments: the line count, the limit. */
    public static final String FILE_TOO_MANY_ROWS = "imports.file.tooManyRows";
    /** A per-source profile maps a header to a field the import kind does not have; arguments: the field. */
    public static final String PROFILE_UNKNOWN_FIELD = "imports.profile.unknownField";

    private ImportCodes() {}
}
