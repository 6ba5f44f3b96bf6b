package dev.backstop.imports;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The mapping profile and the validation of one import kind: its fields (type, required, accepted
 * headers in Chinese and English) and its natural key. {@link #mapping(Map)} adds the headers of a
 * per-source profile an admin saved (an ERP whose export says {@code SO Number}); {@link #validate}
 * converts a {@link CsvRow} and returns every problem as data.
 *
 * <pre>{@code
 * RecordSchema orders = RecordSchema.builder()
 *         .field(Field.text("order_no", "订单号", "Order No").required().maxLength(64))
 *         .field(Field.of("order_date", FieldType.DATE, "下单日期", "Order Date").required())
 *         .key("order_no")
 *         .build();
 * }</pre>
 */
public final class RecordSchema {

    /** In a profile, the "field" of a header whose column is ignored on purpose. */
    public static final String IGNORE = "-";

    private final Map<String, Field> fields;
    private final List<String> key;
    private final HeaderMapping mapping;

    private RecordSchema(Map<String, Field> fields, List<String> key) {
        this.fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        this.key = List.copyOf(key);
        this.mapping = mapping(Map.of());
    }

    public static Builder builder() {
        return new Builder();
    }

    public List<Field> fields() {
        return List.copyOf(fields.values());
    }

    public Optional<Field> field(String name) {
        return Optional.ofNullable(fields.get(name));
    }

    /** The fields that identify a record (order no., employee no. …): rows are upserted by them. */
    public List<String> key() {
        return key;
    }

    /** The headers of this kind: every field's name and aliases. */
    public HeaderMapping mapping() {
        return mapping;
    }

    /**
     * The headers of this kind plus a per-source profile (header as the source writes it → field, or
     * {@link #IGNORE}: the column is read by no field). A profile header wins over a built-in alias; a profile
     * naming an unknown field is refused.
     *
     * @throws IllegalArgumentException with the unknown field's name
     */
    public HeaderMapping mapping(Map<String, String> profile) {
        Map<String, List<String>> extra = new HashMap<>();
        Map<String, String> profileByNormalized = new HashMap<>();
        List<String> ignoredHeaders = new ArrayList<>();
        profile.forEach((header, field) -> {
            if (IGNORE.equals(field)) {
                ignoredHeaders.add(header);
                return;
            }
            if (field == null || !fields.containsKey(field)) {
                throw new IllegalArgumentException(field);
            }
            extra.computeIfAbsent(field, f -> new ArrayList<>()).add(header);
            profileByNormalized.put(HeaderMapping.normalize(header), field);
        });
        HeaderMapping.Builder builder = HeaderMapping.builder();
        ignoredHeaders.forEach(builder::ignore);
        for (Field field : fields.values()) {
            List<String> aliases = new ArrayList<>(field.aliases().stream()
                    .filter(alias -> !profileByNormalized.containsKey(HeaderMapping.normalize(alias)))
                    .toList());
            aliases.addAll(extra.getOrDefault(field.name(), List.of()));
            String[] names = aliases.toArray(String[]::new);
            if (field.isRequired()) {
                builder.required(field.name(), names);
            } else {
                builder.optional(field.name(), names);
            }
        }
        return builder.build();
    }

    /** Converts every mapped cell; a row already failed by the reader keeps its errors and has no values. */
    public ParsedRow validate(CsvRow row) {
        if (!row.isValid()) {
            return new ParsedRow(row.line(), Map.of(), row.errors(), row.cells());
        }
        Map<String, Object> values = new HashMap<>();
        List<RowError> errors = new ArrayList<>();
        for (Field field : fields.values()) {
            Optional<String> cell = row.get(field.name());
            if (cell.isEmpty()) {
                if (field.isRequired()) {
                    errors.add(new RowError(row.line(), field.name(), null, ImportCodes.VALUE_EMPTY, List.of()));
                }
                continue;
            }
            String raw = cell.get();
            if (field.maxLength() > 0 && raw.length() > field.maxLength()) {
                errors.add(RowError.of(
                        row.line(), field.name(), raw, ImportCodes.VALUE_TOO_LONG, raw.length(), field.maxLength()));
                continue;
            }
            Values.Parsed<?> parsed = field.convert(raw);
            if (parsed.isOk()) {
                values.put(field.name(), parsed.value());
            } else {
                errors.add(parsed.toError(row.line(), field.name(), raw));
            }
        }
        return new ParsedRow(row.line(), values, errors, row.cells());
    }

    public static final class Builder {

        private final Map<String, Field> fields = new LinkedHashMap<>();
        private List<String> key = List.of();

        private Builder() {}

        public Builder field(Field field) {
            if (fields.putIfAbsent(field.name(), field) != null) {
                throw new IllegalArgumentException("Field defined twice: " + field.name());
            }
            return this;
        }

        /**
         * The natural key. Its first field must be required; a later one may be optional when a record without it is
         * one of its own (an order header without a line no.).
         */
        public Builder key(String... names) {
            key = List.of(names);
            return this;
        }

        public RecordSchema build() {
            for (String name : key) {
                Field field = fields.get(name);
                if (field == null || name.equals(key.getFirst()) && !field.isRequired()) {
                    throw new IllegalArgumentException("A key's first field must be a required field: " + name);
                }
            }
            return new RecordSchema(fields, key);
        }
    }
}
