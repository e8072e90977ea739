package io.cuadra.web.platform;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A JSON document as plain mutable maps and lists (the OpenAPI document is rewritten in place), back
 * to JSON, and out as YAML. Only what the OpenAPI document holds: objects, arrays, strings, numbers,
 * booleans, null.
 */
public final class JsonTree {

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_/][A-Za-z0-9_ ./{}()-]*");
    /** What a YAML reader would take for a number, a date or a time instead of a string. */
    private static final Pattern NOT_TEXT = Pattern.compile(
            "[-+]?(\\.\\d+|\\d[\\d_]*(\\.\\d*)?)([eE][-+]?\\d+)?|\\d{4}-\\d{1,2}-\\d{1,2}.*|\\d+(:\\d+)+.*|0[xo].*");
    private static final java.util.Set<String> YAML_WORDS = java.util.Set.of(
            "true", "false", "null", "yes", "no", "on", "off", "y", "n", "~");

    private JsonTree() {
    }

    public static Object of(JsonValue v) {
        return switch (v.getValueType()) {
            case OBJECT -> {
                Map<String, Object> m = new LinkedHashMap<>();
                v.asJsonObject().forEach((k, x) -> m.put(k, of(x)));
                yield m;
            }
            case ARRAY -> {
                List<Object> l = new ArrayList<>();
                v.asJsonArray().forEach(x -> l.add(of(x)));
                yield l;
            }
            case STRING -> ((JsonString) v).getString();
            case NUMBER -> ((JsonNumber) v).bigDecimalValue();
            case TRUE -> Boolean.TRUE;
            case FALSE -> Boolean.FALSE;
            case NULL -> null;
        };
    }

    public static JsonValue toJson(Object o) {
        if (o instanceof Map<?, ?> m) {
            JsonObjectBuilder b = JsonProviders.JSON.createObjectBuilder();
            m.forEach((k, v) -> b.add((String) k, toJson(v)));
            return b.build();
        }
        if (o instanceof List<?> l) {
            JsonArrayBuilder b = JsonProviders.JSON.createArrayBuilder();
            l.forEach(v -> b.add(toJson(v)));
            return b.build();
        }
        if (o instanceof String s) {
            return JsonProviders.JSON.createValue(s);
        }
        if (o instanceof BigDecimal d) {
            return JsonProviders.JSON.createValue(d);
        }
        if (o instanceof Number n) {
            return JsonProviders.JSON.createValue(n.longValue());
        }
        if (o instanceof Boolean b) {
            return b ? JsonValue.TRUE : JsonValue.FALSE;
        }
        return JsonValue.NULL;
    }

    /** Block-style YAML of the tree; strings that could read as something else are quoted as JSON strings. */
    public static String yaml(Object root) {
        StringBuilder out = new StringBuilder();
        if (root instanceof Map<?, ?> m) {
            mapping(m, 0, out);
        } else {
            out.append(scalar(root)).append('\n');
        }
        return out.toString();
    }

    private static void mapping(Map<?, ?> m, int indent, StringBuilder out) {
        for (var e : m.entrySet()) {
            out.append(" ".repeat(indent)).append(key((String) e.getKey())).append(':');
            value(e.getValue(), indent, out);
        }
    }

    private static void value(Object v, int indent, StringBuilder out) {
        if (v instanceof Map<?, ?> child && !child.isEmpty()) {
            out.append('\n');
            mapping(child, indent + 2, out);
        } else if (v instanceof List<?> list && !list.isEmpty()) {
            out.append('\n');
            for (Object item : list) {
                out.append(" ".repeat(indent)).append("-");
                if (item instanceof Map<?, ?> im && !im.isEmpty()) {
                    // The first key on the dash line, the others aligned under it.
                    StringBuilder nested = new StringBuilder();
                    mapping(im, indent + 2, nested);
                    out.append(' ').append(nested.substring(indent + 2));
                } else if (item instanceof List<?> il && !il.isEmpty()) {
                    out.append(' ').append(JsonTree.toJson(il)).append('\n');
                } else {
                    out.append(' ').append(scalar(item)).append('\n');
                }
            }
        } else {
            out.append(' ').append(scalar(v)).append('\n');
        }
    }

    private static String key(String k) {
        return plain(k) ? k : quoted(k);
    }

    private static String scalar(Object v) {
        if (v instanceof Map<?, ?>) {
            return "{}";
        }
        if (v instanceof List<?>) {
            return "[]";
        }
        if (v instanceof String s) {
            return plain(s) ? s : quoted(s);
        }
        if (v instanceof BigDecimal d) {
            return d.toPlainString();
        }
        return String.valueOf(v);
    }

    private static boolean plain(String s) {
        return PLAIN.matcher(s).matches() && !NOT_TEXT.matcher(s).matches() && !YAML_WORDS.contains(s.toLowerCase())
                && !s.endsWith(" ") && !s.contains(" #");
    }

    /** A JSON string is a valid YAML double-quoted scalar. */
    private static String quoted(String s) {
        return JsonProviders.JSON.createValue(s).toString();
    }

    public static JsonObject object(Object tree) {
        return toJson(tree).asJsonObject();
    }

    public static JsonArray array(Object tree) {
        return toJson(tree).asJsonArray();
    }
}
