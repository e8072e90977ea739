package io.cuadra.web.platform;

import io.cuadra.shared.domain.Money;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.Currency;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Money on the wire, one representation: a decimal string with exactly the currency's digits
 * ({@code "47.70"} PEN, {@code "11900"} CLP). Responses are written by JSON-B as usual and then every
 * {@link Amount} property is turned into its string here, walking the JSON beside the object it came from
 * (JSON-B's serializers do not see which property they write). Requests carry the same strings:
 * {@link StrictJson} refuses anything else, and {@link #bindable} hands JSON-B the numbers it binds.
 */
public final class Amounts {

    /** What a request may send: up to 12 integer digits and the finest minor unit any currency has (2). */
    public static final String PATTERN = "^-?\\d{1,12}(\\.\\d{1," + Money.SCALE + "})?$";
    private static final Pattern TEXT = Pattern.compile(PATTERN);
    private static final Map<Class<?>, Boolean> CARRIES = new ConcurrentHashMap<>();

    private Amounts() {
    }

    static boolean isAmount(AnnotatedElement e) {
        return e != null && e.isAnnotationPresent(Amount.class);
    }

    /** Whether a request's text is money as the contract writes it. */
    static boolean isText(String s) {
        return TEXT.matcher(s).matches();
    }

    /** An amount as the API writes it: rounded HALF_UP to the currency's minor unit, never an exponent. */
    public static String text(BigDecimal amount, Currency currency) {
        return amount.setScale(Money.digits(currency), Money.ROUNDING).toPlainString();
    }

    // ---- responses --------------------------------------------------------------------------------

    /**
     * {@code json}, as JSON-B wrote {@code entity}, with its amounts as strings. An object's own
     * {@code currency} property says whose digits its amounts (and those of what it holds) take; otherwise
     * the tenant's currency, asked for only if an amount needs it.
     */
    public static JsonValue write(JsonValue json, Object entity, Supplier<Currency> tenantCurrency) {
        if (entity == null || !carries(entity.getClass()) && !(entity instanceof Collection<?>)
                && !(entity instanceof Map<?, ?>) && !entity.getClass().isArray()) {
            return json;
        }
        Supplier<Currency> once = memo(tenantCurrency);
        return walk(json, entity, once);
    }

    private static JsonValue walk(JsonValue json, Object value, Supplier<Currency> currency) {
        if (value == null) {
            return json;
        }
        if (json instanceof JsonArray array) {
            Object[] elements = value instanceof Collection<?> c ? c.toArray()
                    : value.getClass().isArray() && !value.getClass().getComponentType().isPrimitive()
                    ? (Object[]) value : null;
            if (elements == null || elements.length != array.size()) {
                return json;
            }
            JsonArrayBuilder b = JsonProviders.JSON.createArrayBuilder();
            for (int i = 0; i < elements.length; i++) {
                b.add(walk(array.get(i), elements[i], currency));
            }
            return b.build();
        }
        if (!(json instanceof JsonObject object)) {
            return json;
        }
        if (value instanceof Map<?, ?> map) {
            JsonObjectBuilder b = JsonProviders.JSON.createObjectBuilder();
            object.forEach((k, v) -> b.add(k, walk(v, map.get(k), currency)));
            return b.build();
        }
        if (!carries(value.getClass())) {
            return json;
        }
        Supplier<Currency> own = ownCurrency(object, currency);
        Map<String, StrictJson.Property> properties = StrictJson.properties(value.getClass());
        JsonObjectBuilder b = JsonProviders.JSON.createObjectBuilder();
        object.forEach((k, v) -> {
            StrictJson.Property p = properties.get(k);
            if (p == null || !(p.annotations() instanceof Field f)) {
                b.add(k, v);
            } else if (isAmount(f) && v instanceof JsonNumber n) {
                b.add(k, text(n.bigDecimalValue(), own.get()));
            } else {
                b.add(k, walk(v, read(f, value), own));
            }
        });
        return b.build();
    }

    private static Supplier<Currency> ownCurrency(JsonObject object, Supplier<Currency> outer) {
        if (object.get("currency") instanceof JsonString code) {
            try {
                Currency c = Currency.getInstance(code.getString());
                return () -> c;
            } catch (IllegalArgumentException e) {
                return outer;
            }
        }
        return outer;
    }

    private static Object read(Field f, Object owner) {
        try {
            f.setAccessible(true);
            return f.get(owner);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    /** Whether a class holds an amount, itself or in anything it holds (cached; classes do not change). */
    static boolean carries(Class<?> c) {
        Boolean known = CARRIES.get(c);
        if (known != null) {
            return known;
        }
        boolean result = carries(c, new HashSet<>());
        CARRIES.put(c, result);
        return result;
    }

    private static boolean carries(Type type, Set<Type> seen) {
        if (!seen.add(type)) {
            return false;
        }
        if (type instanceof ParameterizedType p) {
            for (Type argument : p.getActualTypeArguments()) {
                if (carries(argument, seen)) {
                    return true;
                }
            }
            return carries(p.getRawType(), seen);
        }
        if (type instanceof java.lang.reflect.TypeVariable<?> || type instanceof java.lang.reflect.WildcardType) {
            // A generic holder (PageView<T>): what it holds is known only from the values, so look at them.
            return true;
        }
        if (!(type instanceof Class<?> c) || c.isPrimitive() || c.isEnum() || c.getName().startsWith("java.")
                || c.getName().startsWith("jakarta.")) {
            return false;
        }
        if (c.isArray()) {
            return carries(c.getComponentType(), seen);
        }
        for (StrictJson.Property p : StrictJson.properties(c).values()) {
            if (isAmount(p.annotations()) || carries(p.type(), seen)) {
                return true;
            }
        }
        return false;
    }

    private static Supplier<Currency> memo(Supplier<Currency> s) {
        Currency[] held = new Currency[1];
        return () -> {
            if (held[0] == null) {
                held[0] = s.get();
            }
            return held[0];
        };
    }

    // ---- requests ---------------------------------------------------------------------------------

    /**
     * A request body already checked by {@link StrictJson} with its amounts as JSON numbers, which is what
     * JSON-B binds to a BigDecimal; the same tree if it holds none.
     */
    static JsonValue bindable(JsonValue json, Type type) {
        Class<?> raw = StrictJson.raw(type);
        if (json instanceof JsonArray array && (raw.isArray() || Collection.class.isAssignableFrom(raw))) {
            Type element = StrictJson.elementType(type, raw);
            if (!carries(element, new HashSet<>())) {
                return json;
            }
            JsonArrayBuilder b = JsonProviders.JSON.createArrayBuilder();
            array.forEach(v -> b.add(bindable(v, element)));
            return b.build();
        }
        if (!(json instanceof JsonObject object) || Map.class.isAssignableFrom(raw) || !carries(raw)) {
            return json;
        }
        Map<String, StrictJson.Property> properties = StrictJson.properties(raw);
        JsonObjectBuilder b = JsonProviders.JSON.createObjectBuilder();
        object.forEach((k, v) -> {
            StrictJson.Property p = properties.get(k);
            if (p != null && isAmount(p.annotations()) && v instanceof JsonString s) {
                b.add(k, JsonProviders.JSON.createValue(new BigDecimal(s.getString())));
            } else {
                b.add(k, p == null ? v : bindable(v, p.type()));
            }
        });
        return b.build();
    }
}
