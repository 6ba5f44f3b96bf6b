package dev.backstop.helpdesk.shared;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/**
 * Strict reading of another system's JSON: a required field that is missing or of the wrong type is a
 * {@link Sourced.Problem#BAD_ANSWER}, never a silent null or zero on the desk's screen.
 */
public final class JsonFields {

    private JsonFields() {}

    public static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isString() || value.asString().isBlank()) {
            throw bad(field, "a text");
        }
        return value.asString();
    }

    public static String optionalText(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            throw bad(field, "a text");
        }
        return value.asString();
    }

    /** A JSON number or a decimal string ("1234.50"). */
    public static BigDecimal decimal(JsonNode node, String field) {
        BigDecimal value = optionalDecimal(node, field);
        if (value == null) {
            throw bad(field, "a number");
        }
        return value;
    }

    public static BigDecimal optionalDecimal(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isNumber()) {
            return value.decimalValue();
        }
        if (value.isString()) {
            try {
                return new BigDecimal(value.asString().strip());
            } catch (NumberFormatException e) {
                throw bad(field, "a number");
            }
        }
        throw bad(field, "a number");
    }

    public static int integer(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.canConvertToInt() || !value.isIntegralNumber()) {
            throw bad(field, "an integer");
        }
        return value.intValue();
    }

    /** An ISO date, {@code 2026-11-23}. */
    public static LocalDate date(JsonNode node, String field) {
        LocalDate value = optionalDate(node, field);
        if (value == null) {
            throw bad(field, "a date");
        }
        return value;
    }

    public static LocalDate optionalDate(JsonNode node, String field) {
        String text = optionalText(node, field);
        try {
            return text == null ? null : LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw bad(field, "an ISO date");
        }
    }

    /** An ISO date-time with offset, {@code 2026-11-23T09:15:00+08:00}. */
    public static Instant optionalInstant(JsonNode node, String field) {
        String text = optionalText(node, field);
        try {
            return text == null ? null : OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw bad(field, "an ISO date-time with offset");
        }
    }

    public static boolean optionalBoolean(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return false;
        }
        if (!value.isBoolean()) {
            throw bad(field, "true or false");
        }
        return value.booleanValue();
    }

    /** Each element of a required array, read with {@code reader}. */
    public static <T> List<T> list(JsonNode node, String field, Function<JsonNode, T> reader) {
        JsonNode value = node.get(field);
        if (value == null || !value.isArray()) {
            throw bad(field, "an array");
        }
        List<T> result = new ArrayList<>();
        for (JsonNode element : value) {
            if (!element.isObject()) {
                throw bad(field, "an array of objects");
            }
            result.add(reader.apply(element));
        }
        return result;
    }

    public static JsonNode object(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isObject()) {
            throw bad(field, "an object");
        }
        return value;
    }

    private static LiveSystemUnavailable bad(String field, String expected) {
        return new LiveSystemUnavailable(Sourced.Problem.BAD_ANSWER, "field " + field + " is not " + expected, null);
    }
}
