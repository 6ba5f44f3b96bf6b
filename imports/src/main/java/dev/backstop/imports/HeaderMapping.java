package dev.backstop.imports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which of our fields each foreign column feeds. Every field accepts its own name and any number of
 * aliases; headers are compared ignoring case, spaces, underscores, hyphens and full-width forms, so
 * {@code Order No}, {@code order_no}, {@code ORDER-NO} and {@code ｏｒｄｅｒ＿ｎｏ} are one header.
 *
 * <pre>{@code
 * HeaderMapping orders = HeaderMapping.builder()
 *         .required("order_no", "订单号", "Order No", "orderID")
 *         .optional("shipped_date", "发货日期", "shippedDate")
 *         .build();
 * }</pre>
 */
public final class HeaderMapping {

    private static final Pattern IGNORED = Pattern.compile("[\\s_\\-\\u3000]+");

    private final Map<String, String> fieldByHeader;
    private final Set<String> fields;
    private final Set<String> required;
    private final Set<String> ignored;

    private HeaderMapping(
            Map<String, String> fieldByHeader, Set<String> fields, Set<String> required, Set<String> ignored) {
        this.fieldByHeader = Map.copyOf(fieldByHeader);
        this.fields = Set.copyOf(fields);
        this.required = Set.copyOf(required);
        this.ignored = Set.copyOf(ignored);
    }

    /** Whether this header was chosen to be ignored: its column feeds no field and is not reported as unknown. */
    public boolean isIgnored(String header) {
        return ignored.contains(normalize(header));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The field this header feeds, if any. */
    public Optional<String> fieldFor(String header) {
        return Optional.ofNullable(fieldByHeader.get(normalize(header)));
    }

    public Set<String> fields() {
        return fields;
    }

    public Set<String> requiredFields() {
        return required;
    }

    static String normalize(String header) {
        String folded = java.text.Normalizer.normalize(header, java.text.Normalizer.Form.NFKC);
        return IGNORED.matcher(folded.strip()).replaceAll("").toLowerCase(Locale.ROOT);
    }

    public static final class Builder {

        private final Map<String, String> fieldByHeader = new LinkedHashMap<>();
        private final List<String> fields = new ArrayList<>();
        private final List<String> required = new ArrayList<>();
        private final java.util.Set<String> ignored = new java.util.HashSet<>();

        private Builder() {}

        /** A header whose column is read by no field, on purpose. */
        public Builder ignore(String header) {
            ignored.add(normalize(header));
            return this;
        }

        public Builder required(String field, String... aliases) {
            required.add(field);
            return optional(field, aliases);
        }

        public Builder optional(String field, String... aliases) {
            if (fields.contains(field)) {
                throw new IllegalArgumentException("Field mapped twice: " + field);
            }
            fields.add(field);
            alias(field, field);
            for (String alias : aliases) {
                alias(field, alias);
            }
            return this;
        }

        private void alias(String field, String alias) {
            String previous = fieldByHeader.putIfAbsent(normalize(alias), field);
            if (previous != null && !previous.equals(field)) {
                throw new IllegalArgumentException(
                        "Header '" + alias + "' would feed both " + previous + " and " + field);
            }
        }

        public HeaderMapping build() {
            ignored.forEach(fieldByHeader::remove);
            return new HeaderMapping(fieldByHeader, Set.copyOf(fields), Set.copyOf(required), ignored);
        }
    }
}
