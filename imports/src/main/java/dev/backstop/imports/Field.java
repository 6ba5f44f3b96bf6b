package dev.backstop.imports;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * One field of an import kind: its name, type, whether it must be present, the headers it is accepted
 * under (Chinese and English), a maximum length for text and, for a {@link FieldType#CHOICE}, its codes
 * with their labels.
 *
 * <pre>{@code
 * Field.text("order_no", "订单号", "Order No").required().maxLength(64)
 * Field.choice("status", Map.of("OPEN", List.of("未发货", "open"), "SHIPPED", List.of("已发货")), "状态")
 * }</pre>
 */
public record Field(
        String name,
        FieldType type,
        boolean isRequired,
        List<String> aliases,
        int maxLength,
        Map<String, List<String>> choices) {

    public Field {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        aliases = List.copyOf(aliases);
        choices = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(choices));
        if (type == FieldType.CHOICE && choices.isEmpty()) {
            throw new IllegalArgumentException("A choice field needs its codes: " + name);
        }
    }

    public static Field of(String name, FieldType type, String... aliases) {
        return new Field(name, type, false, List.of(aliases), 0, Map.of());
    }

    public static Field text(String name, String... aliases) {
        return of(name, FieldType.TEXT, aliases);
    }

    public static Field choice(String name, Map<String, List<String>> labelsByCode, String... aliases) {
        return new Field(name, FieldType.CHOICE, false, List.of(aliases), 0, labelsByCode);
    }

    public Field required() {
        return new Field(name, type, true, aliases, maxLength, choices);
    }

    public Field maxLength(int length) {
        return new Field(name, type, isRequired, aliases, length, choices);
    }

    /** More accepted headers, e.g. from an admin's per-source profile. */
    public Field alsoAccepting(String... more) {
        return new Field(
                name,
                type,
                isRequired,
                Stream.concat(aliases.stream(), Stream.of(more)).toList(),
                maxLength,
                choices);
    }

    /** Converts the cell; a blank cell is absent (null); a required field reports it. */
    public Values.Parsed<?> convert(String cell) {
        return switch (type) {
            case TEXT -> Values.Parsed.ok(cell == null ? "" : cell.strip());
            case DATE -> Values.date(cell);
            case DATE_TIME -> Values.dateTime(cell);
            case AMOUNT -> Values.amount(cell);
            case QUANTITY -> Values.quantity(cell);
            case INTEGER -> Values.integer(cell);
            case BOOLEAN -> Values.bool(cell);
            case CHOICE -> Values.choice(cell, choices);
            case PHONE -> Values.phone(cell);
            case EMAIL -> Values.email(cell);
        };
    }
}
