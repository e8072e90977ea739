package io.cuadra.web.platform;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbTransient;
import jakarta.json.stream.JsonParser;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Size;

import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The strict binding layer in front of JSON-B: a request body is read into a tree and checked against
 * the Java type it will bind to before JSON-B sees it, because JSON-B coerces silently ("yes" and 2
 * become false, 1e20 wraps around for an int, 1e400 becomes 0, ["Ana","Eva"] becomes "Eva"). Every
 * mismatch is reported with the field's JSON path, all of them at once.
 *
 * <p>The rules, by Java type: booleans take only true/false; integers only integral numbers within the
 * type's range; money ({@link Amount}) only decimal strings; other BigDecimals only numbers within the field's {@link Digits} (the column it is stored in),
 * else {@link #DEFAULT_DIGITS}; strings only strings, without control characters (tab, CR and LF
 * allowed) or lone surrogates, at most the field's {@link Size} max or {@link #MAX_TEXT} characters;
 * enums only one of their names; dates and other value types only strings; collections only arrays
 * without null elements; objects only objects without duplicate or unknown keys. A null value for a
 * primitive is refused; for anything else it is left to Bean Validation ({@code @NotNull}).
 */
final class StrictJson {

    /** Longest string any property takes when its field declares no {@link Size}. */
    static final int MAX_TEXT = 100_000;
    /** What a BigDecimal without {@link Digits} may hold: the widest numeric column, numeric(18,6). */
    static final int[] DEFAULT_DIGITS = {12, 6};
    private static final int MAX_DEPTH = 32;
    private static final Map<Class<?>, Map<String, Property>> PROPERTIES = new ConcurrentHashMap<>();

    private StrictJson() {
    }

    /** A JSON property of a bound class: the type it binds to and where its constraints are declared. */
    record Property(Type type, AnnotatedElement annotations) {
    }

    /** Thrown for a body that is not JSON at all (syntax, duplicate keys, nesting). */
    static final class Unparseable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unparseable(String message) {
            super(message);
        }
    }

    /** Reads one JSON value; refuses duplicate keys, which a binder would resolve silently. */
    static JsonValue read(byte[] body) {
        if (body.length == 0) {
            throw new Unparseable("This operation needs a JSON body.");
        }
        // RFC 8259: JSON between systems is UTF-8 (the parser's own detection fails on one-byte bodies).
        try (JsonParser parser = JsonProviders.JSON.createParser(new InputStreamReader(new ByteArrayInputStream(body),
                StandardCharsets.UTF_8))) {
            if (!parser.hasNext()) {
                throw new Unparseable("This operation needs a JSON body.");
            }
            JsonValue value = value(parser, parser.next(), "", 0);
            if (parser.hasNext()) {
                throw new Unparseable("Only one JSON value may be sent.");
            }
            return value;
        }
    }

    private static JsonValue value(JsonParser parser, JsonParser.Event event, String path, int depth) {
        if (depth > MAX_DEPTH) {
            throw new Unparseable("The body is nested deeper than " + MAX_DEPTH + " levels.");
        }
        switch (event) {
            case START_OBJECT -> {
                JsonObjectBuilder object = JsonProviders.JSON.createObjectBuilder();
                Set<String> seen = new HashSet<>();
                for (JsonParser.Event e = parser.next(); e != JsonParser.Event.END_OBJECT; e = parser.next()) {
                    String key = parser.getString();
                    String child = join(path, key);
                    if (!seen.add(key)) {
                        throw new Unparseable(child + ": given twice.");
                    }
                    object.add(key, value(parser, parser.next(), child, depth + 1));
                }
                return object.build();
            }
            case START_ARRAY -> {
                JsonArrayBuilder array = JsonProviders.JSON.createArrayBuilder();
                int i = 0;
                for (JsonParser.Event e = parser.next(); e != JsonParser.Event.END_ARRAY; e = parser.next()) {
                    array.add(value(parser, e, path + "[" + i++ + "]", depth + 1));
                }
                return array.build();
            }
            case VALUE_STRING -> {
                return JsonProviders.JSON.createValue(parser.getString());
            }
            case VALUE_NUMBER -> {
                return JsonProviders.JSON.createValue(parser.getBigDecimal());
            }
            case VALUE_TRUE -> {
                return JsonValue.TRUE;
            }
            case VALUE_FALSE -> {
                return JsonValue.FALSE;
            }
            case VALUE_NULL -> {
                return JsonValue.NULL;
            }
            default -> throw new Unparseable("Unexpected " + event + " at " + (path.isEmpty() ? "the top" : path) + ".");
        }
    }

    /** Every way {@code value} does not fit {@code type}; empty when it binds without coercion. */
    static List<Problem.FieldError> check(JsonValue value, Type type) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (value.getValueType() == JsonValue.ValueType.NULL) {
            errors.add(new Problem.FieldError("request", "a JSON body is required, not null"));
            return errors;
        }
        check(value, type, null, "", errors);
        return errors;
    }

    private static void check(JsonValue value, Type type, AnnotatedElement declared, String path,
                              List<Problem.FieldError> errors) {
        Class<?> raw = raw(type);
        if (value.getValueType() == JsonValue.ValueType.NULL) {
            if (raw.isPrimitive()) {
                errors.add(error(path, "must not be null"));
            }
            return;
        }
        if (raw == Object.class || JsonValue.class.isAssignableFrom(raw)) {
            return;
        }
        if (raw == String.class || raw == char.class || raw == Character.class) {
            text(value, raw == String.class ? maxLength(declared) : 1, path, errors);
        } else if (raw == boolean.class || raw == Boolean.class) {
            if (value != JsonValue.TRUE && value != JsonValue.FALSE) {
                errors.add(error(path, "must be true or false, not " + shown(value)));
            }
        } else if (Number.class.isAssignableFrom(box(raw))) {
            number(value, box(raw), declared, path, errors);
        } else if (raw.isEnum()) {
            String[] names = Arrays.stream(raw.getEnumConstants()).map(c -> ((Enum<?>) c).name()).toArray(String[]::new);
            if (!(value instanceof JsonString s) || !Arrays.asList(names).contains(s.getString())) {
                errors.add(error(path, "must be one of " + String.join(", ", names) + ", not " + shown(value)));
            }
        } else if (raw.isArray() || Collection.class.isAssignableFrom(raw)) {
            elements(value, elementType(type, raw), path, errors);
        } else if (Map.class.isAssignableFrom(raw)) {
            if (!(value instanceof JsonObject object)) {
                errors.add(error(path, "must be an object, not " + shown(value)));
                return;
            }
            Type valueType = typeArgument(type, 1);
            object.forEach((k, v) -> check(v, valueType, null, join(path, k), errors));
        } else if (raw.getName().startsWith("java.")) {
            // Dates, times, UUIDs, URIs...: JSON-B reads them from strings and refuses malformed ones.
            text(value, 200, path, errors);
        } else {
            object(value, raw, path, errors);
        }
    }

    private static void text(JsonValue value, int max, String path, List<Problem.FieldError> errors) {
        if (!(value instanceof JsonString s)) {
            errors.add(error(path, "must be a string, not " + shown(value)));
            return;
        }
        String text = s.getString();
        if (text.length() > max) {
            errors.add(error(path, "must be at most " + max + " characters"));
            return;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (forbidden(c)) {
                errors.add(error(path, "must not contain the control character U+" + String.format("%04X", (int) c)));
                return;
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                errors.add(error(path, "must not contain a lone UTF-16 surrogate"));
                return;
            }
        }
    }

    /** C0 controls but tab, CR and LF; DEL; C1 controls. PostgreSQL cannot even store U+0000. */
    static boolean forbidden(char c) {
        return (c < 0x20 && c != '\t' && c != '\r' && c != '\n') || (c >= 0x7F && c <= 0x9F);
    }

    private static void number(JsonValue value, Class<?> boxed, AnnotatedElement declared, String path,
                               List<Problem.FieldError> errors) {
        if (boxed == BigDecimal.class && Amounts.isAmount(declared)) {
            amount(value, declared, path, errors);
            return;
        }
        if (!(value instanceof JsonNumber n)) {
            errors.add(error(path, "must be a number, not " + shown(value)));
            return;
        }
        BigDecimal v = n.bigDecimalValue();
        if (boxed == BigDecimal.class) {
            int[] digits = digits(declared);
            // Compare without stripping: stripTrailingZeros of 1e400 is cheap, but scale is what counts.
            BigDecimal stripped = v.signum() == 0 ? BigDecimal.ZERO : v.stripTrailingZeros();
            long integer = (long) stripped.precision() - stripped.scale();
            if (integer > digits[0] || Math.max(stripped.scale(), 0) > digits[1]) {
                errors.add(error(path, "must have at most " + digits[0] + " integer digits and " + digits[1]
                        + " decimals, not " + shown(value)));
            }
            return;
        }
        if (boxed == Double.class || boxed == Float.class) {
            double d = v.doubleValue();
            if (Double.isInfinite(d) || (boxed == Float.class && Float.isInfinite((float) d))) {
                errors.add(error(path, "is out of range: " + shown(value)));
            }
            return;
        }
        long[] range = range(boxed);
        BigDecimal stripped = v.signum() == 0 ? BigDecimal.ZERO : v.stripTrailingZeros();
        if (stripped.scale() > 0) {
            errors.add(error(path, "must be a whole number, not " + shown(value)));
        } else if ((long) stripped.precision() - stripped.scale() > 20 || stripped.compareTo(BigDecimal.valueOf(range[0])) < 0
                || stripped.compareTo(BigDecimal.valueOf(range[1])) > 0) {
            errors.add(error(path, "must be between " + range[0] + " and " + range[1] + ", not " + shown(value)));
        }
    }

    /** Money is a decimal string ("47.70"): a JSON number is refused, not coerced (see {@link Amounts}). */
    private static void amount(JsonValue value, AnnotatedElement declared, String path,
                               List<Problem.FieldError> errors) {
        if (!(value instanceof JsonString s) || !Amounts.isText(s.getString())) {
            errors.add(error(path, "must be an amount written as a decimal string such as \"47.70\", not "
                    + shown(value)));
            return;
        }
        int[] digits = digits(declared);
        BigDecimal v = new BigDecimal(s.getString());
        if ((long) v.precision() - v.scale() > digits[0] || v.scale() > digits[1]) {
            errors.add(error(path, "must have at most " + digits[0] + " integer digits and " + digits[1]
                    + " decimals, not " + shown(value)));
        }
    }

    private static long[] range(Class<?> boxed) {
        if (boxed == Integer.class) {
            return new long[]{Integer.MIN_VALUE, Integer.MAX_VALUE};
        }
        if (boxed == Short.class) {
            return new long[]{Short.MIN_VALUE, Short.MAX_VALUE};
        }
        if (boxed == Byte.class) {
            return new long[]{Byte.MIN_VALUE, Byte.MAX_VALUE};
        }
        if (boxed == BigInteger.class) {
            // No request takes one; as wide as a bigint column.
            return new long[]{Long.MIN_VALUE, Long.MAX_VALUE};
        }
        return new long[]{Long.MIN_VALUE, Long.MAX_VALUE};
    }

    private static void elements(JsonValue value, Type elementType, String path, List<Problem.FieldError> errors) {
        if (!(value instanceof JsonArray array)) {
            errors.add(error(path, "must be an array, not " + shown(value)));
            return;
        }
        for (int i = 0; i < array.size(); i++) {
            JsonValue element = array.get(i);
            String at = path + "[" + i + "]";
            if (element.getValueType() == JsonValue.ValueType.NULL) {
                errors.add(error(at, "must not be null"));
            } else {
                check(element, elementType, null, at, errors);
            }
        }
    }

    private static void object(JsonValue value, Class<?> raw, String path, List<Problem.FieldError> errors) {
        if (!(value instanceof JsonObject object)) {
            errors.add(error(path, "must be an object, not " + shown(value)));
            return;
        }
        Map<String, Property> properties = PROPERTIES.computeIfAbsent(raw, StrictJson::properties);
        object.forEach((key, v) -> {
            Property p = properties.get(key);
            if (p == null) {
                errors.add(error(join(path, key), "is not a property of this request"));
            } else {
                check(v, p.type(), p.annotations(), join(path, key), errors);
            }
        });
    }

    /** The JSON properties JSON-B binds for a class: its fields (records: components) and its setters. */
    static Map<String, Property> properties(Class<?> type) {
        Map<String, Property> properties = new LinkedHashMap<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers()) || Modifier.isTransient(f.getModifiers())
                        || f.isSynthetic() || f.isAnnotationPresent(JsonbTransient.class)) {
                    continue;
                }
                JsonbProperty named = f.getAnnotation(JsonbProperty.class);
                String name = named != null && !named.value().isEmpty() ? named.value() : f.getName();
                properties.putIfAbsent(name, new Property(f.getGenericType(), f));
            }
            for (Method m : c.getDeclaredMethods()) {
                if (m.getName().length() > 3 && m.getName().startsWith("set") && m.getParameterCount() == 1
                        && !Modifier.isStatic(m.getModifiers()) && !m.isAnnotationPresent(JsonbTransient.class)) {
                    String name = Character.toLowerCase(m.getName().charAt(3)) + m.getName().substring(4);
                    properties.putIfAbsent(name, new Property(m.getGenericParameterTypes()[0], m));
                }
            }
        }
        return properties;
    }

    private static int maxLength(AnnotatedElement declared) {
        Size size = declared == null ? null : declared.getAnnotation(Size.class);
        return size != null && size.max() < MAX_TEXT ? size.max() : MAX_TEXT;
    }

    private static int[] digits(AnnotatedElement declared) {
        Digits d = declared == null ? null : declared.getAnnotation(Digits.class);
        return d == null ? DEFAULT_DIGITS : new int[]{d.integer(), d.fraction()};
    }

    static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p) {
            return raw(p.getRawType());
        }
        if (type instanceof GenericArrayType g) {
            return java.lang.reflect.Array.newInstance(raw(g.getGenericComponentType()), 0).getClass();
        }
        if (type instanceof WildcardType w) {
            return raw(w.getUpperBounds()[0]);
        }
        return Object.class;
    }

    static Type elementType(Type type, Class<?> raw) {
        if (type instanceof GenericArrayType g) {
            return g.getGenericComponentType();
        }
        if (raw.isArray()) {
            return raw.getComponentType();
        }
        return typeArgument(type, 0);
    }

    private static Type typeArgument(Type type, int index) {
        if (type instanceof ParameterizedType p && p.getActualTypeArguments().length > index) {
            return p.getActualTypeArguments()[index];
        }
        return Object.class;
    }

    private static Class<?> box(Class<?> c) {
        if (!c.isPrimitive()) {
            return c;
        }
        return switch (c.getName()) {
            case "int" -> Integer.class;
            case "long" -> Long.class;
            case "short" -> Short.class;
            case "byte" -> Byte.class;
            case "double" -> Double.class;
            case "float" -> Float.class;
            case "boolean" -> Boolean.class;
            default -> Character.class;
        };
    }

    private static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    private static Problem.FieldError error(String path, String message) {
        return new Problem.FieldError(path.isEmpty() ? "request" : path, message);
    }

    /** The offending value as the client sent it, cut short: enough to recognise it, never a megabyte. */
    private static String shown(JsonValue value) {
        String s = switch (value.getValueType()) {
            case OBJECT -> "an object";
            case ARRAY -> "an array";
            default -> value.toString();
        };
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }
}
