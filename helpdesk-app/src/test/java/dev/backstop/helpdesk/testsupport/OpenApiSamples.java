package dev.backstop.helpdesk.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.Yaml;

/**
 * Reads an OpenAPI contract under docs/integrations and builds the smallest valid example of a schema: only its
 * required fields, each with a value of its declared type. Lets a test hold an adapter to the published contract.
 */
public final class OpenApiSamples {

    private final Map<String, Object> document;

    private OpenApiSamples(Map<String, Object> document) {
        this.document = document;
    }

    public static OpenApiSamples load(String file) throws IOException {
        Path path = Path.of("..", "docs", "integrations", file);
        if (!Files.exists(path)) {
            path = Path.of("docs", "integrations", file);
        }
        try (InputStream in = Files.newInputStream(path)) {
            return new OpenApiSamples(new Yaml().load(in));
        }
    }

    @SuppressWarnings("unchecked")
    public List<String> paths() {
        return List.copyOf(((Map<String, Object>) document.get("paths")).keySet());
    }

    @SuppressWarnings("unchecked")
    public List<String> required(String schema) {
        return (List<String>) schema(schema).getOrDefault("required", List.of());
    }

    /** The schema's required fields only, with typed values (nested required objects filled the same way). */
    @SuppressWarnings("unchecked")
    public Map<String, Object> minimal(String schema) {
        Map<String, Object> definition = schema(schema);
        Map<String, Object> properties = (Map<String, Object>) definition.get("properties");
        Map<String, Object> sample = new LinkedHashMap<>();
        for (String field : required(schema)) {
            sample.put(field, value((Map<String, Object>) properties.get(field)));
        }
        return sample;
    }

    @SuppressWarnings("unchecked")
    private Object value(Map<String, Object> property) {
        if (property.containsKey("$ref")) {
            String name = ((String) property.get("$ref")).substring("#/components/schemas/".length());
            Map<String, Object> target = schema(name);
            return target.containsKey("properties") ? minimal(name) : value(target);
        }
        if (property.containsKey("oneOf")) {
            return "1.00";
        }
        if (property.containsKey("enum")) {
            return ((List<Object>) property.get("enum")).getFirst();
        }
        Object type = property.get("type");
        String kind = type instanceof List<?> list ? (String) list.getFirst() : (String) type;
        String format = (String) property.get("format");
        return switch (kind) {
            case "integer" -> 1;
            case "number" -> 1.5;
            case "boolean" -> true;
            case "array" -> List.of();
            case "string" ->
                "date".equals(format) ? "2026-11-23" : "date-time".equals(format) ? "2026-11-23T10:00:00+08:00" : "X";
            default -> throw new IllegalStateException("type " + kind);
        };
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> schema(String name) {
        Map<String, Object> components = (Map<String, Object>) document.get("components");
        Map<String, Object> schemas = (Map<String, Object>) components.get("schemas");
        Map<String, Object> schema = (Map<String, Object>) schemas.get(name);
        if (schema == null) {
            throw new IllegalArgumentException("no schema " + name);
        }
        return schema;
    }
}
