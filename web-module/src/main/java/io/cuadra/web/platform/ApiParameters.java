package io.cuadra.web.platform;

import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.MatrixParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One rule for the parameters every resource takes as typed values — dates ({@code 2026-12-07}), instants
 * ({@code 2026-12-07T10:00:00Z}, any offset), enums (their name, any case, or the code the enum itself reads,
 * such as a document type {@code 01}), ids and counts ({@code Long}, {@code Integer}) and flags
 * ({@code true}/{@code false}): blank is absent (null), anything else that is not a value is a 400 problem naming
 * the parameter ({@link BadParameter}), never the 404 JAX-RS gives a query parameter it cannot convert. Resources
 * declare {@code @QueryParam("from") LocalDate from} and never parse; a servlet reads the same way through
 * {@link #value}.
 */
@Provider
public class ApiParameters implements ParamConverterProvider {

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        String name = nameOf(annotations);
        if (rawType == LocalDate.class) {
            return (ParamConverter<T>) new Converter<>(name, "a date as yyyy-MM-dd", LocalDate::parse);
        }
        if (rawType == Instant.class) {
            return (ParamConverter<T>) new Converter<>(name, "an ISO-8601 instant with offset, e.g. 2026-12-07T10:00:00Z",
                    s -> OffsetDateTime.parse(s).toInstant());
        }
        if (rawType == OffsetDateTime.class) {
            return (ParamConverter<T>) new Converter<>(name, "an ISO-8601 instant with offset, e.g. 2026-12-07T10:00:00Z",
                    OffsetDateTime::parse);
        }
        if (rawType == Long.class) {
            return (ParamConverter<T>) new Converter<>(name, "a whole number", Long::valueOf);
        }
        if (rawType == Integer.class) {
            return (ParamConverter<T>) new Converter<>(name, "a whole number", Integer::valueOf);
        }
        if (rawType == Boolean.class) {
            return (ParamConverter<T>) new Converter<>(name, "true or false", ApiParameters::flag);
        }
        if (rawType.isEnum()) {
            return (ParamConverter<T>) enumConverter(name, (Class<? extends Enum>) rawType);
        }
        return null;
    }

    /**
     * The same rule outside JAX-RS (a servlet's request parameters): null when blank, the value, or
     * {@link BadParameter} naming the parameter.
     */
    @SuppressWarnings("unchecked")
    public static <T> T value(String name, Class<T> type, String text) {
        ParamConverter<T> converter = new ApiParameters().getConverter(type, type, new Annotation[0]);
        if (converter == null) {
            throw new IllegalArgumentException("No parameter rule for " + type.getName());
        }
        return converter instanceof Converter<T> c ? c.named(name).fromString(text) : converter.fromString(text);
    }

    private static Boolean flag(String s) {
        if ("true".equalsIgnoreCase(s)) {
            return Boolean.TRUE;
        }
        if ("false".equalsIgnoreCase(s)) {
            return Boolean.FALSE;
        }
        throw new IllegalArgumentException(s);
    }

    /** An enum by its name, or by the code its own public static factory reads (e.g. {@code byTypeCode("01")}). */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static <E extends Enum> Converter<E> enumConverter(String name, Class<E> type) {
        String names = Arrays.stream(type.getEnumConstants()).map(e -> ((Enum<?>) e).name())
                .collect(Collectors.joining(", "));
        Method byCode = Arrays.stream(type.getDeclaredMethods())
                .filter(m -> Modifier.isStatic(m.getModifiers()) && Modifier.isPublic(m.getModifiers())
                        && m.getReturnType() == type && m.getParameterCount() == 1
                        && m.getParameterTypes()[0] == String.class && !m.getName().equals("valueOf"))
                .findFirst().orElse(null);
        return new Converter<>(name, "one of " + names, s -> {
            try {
                return (E) Enum.valueOf(type, s.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException notAName) {
                if (byCode == null) {
                    throw notAName;
                }
                try {
                    Object found = byCode.invoke(null, s);
                    if (found == null) {
                        throw notAName;
                    }
                    return (E) found;
                } catch (ReflectiveOperationException e) {
                    throw notAName;
                }
            }
        });
    }

    static String nameOf(Annotation[] annotations) {
        for (Annotation a : annotations) {
            if (a instanceof QueryParam q) {
                return q.value();
            } else if (a instanceof PathParam p) {
                return p.value();
            } else if (a instanceof HeaderParam h) {
                return h.value();
            } else if (a instanceof FormParam f) {
                return f.value();
            } else if (a instanceof MatrixParam m) {
                return m.value();
            } else if (a instanceof CookieParam c) {
                return c.value();
            }
        }
        return "parameter";
    }

    /** Text to value by one rule; the value back to text as it would be sent. */
    static final class Converter<T> implements ParamConverter<T> {
        private final String name;
        private final String expected;
        private final Function<String, T> parse;

        Converter(String name, String expected, Function<String, T> parse) {
            this.name = name;
            this.expected = expected;
            this.parse = parse;
        }

        Converter<T> named(String other) {
            return new Converter<>(other, expected, parse);
        }

        @Override
        public T fromString(String value) {
            if (value == null || value.isBlank()) {
                return null;
            }
            try {
                return parse.apply(value.strip());
            } catch (DateTimeParseException | IllegalArgumentException e) {
                String shown = value.length() > 40 ? value.substring(0, 40) + "..." : value;
                throw new BadParameter(name, "must be " + expected + ", not \"" + shown + "\"");
            }
        }

        @Override
        public String toString(T value) {
            return value == null ? null : value instanceof Enum<?> e ? e.name() : value.toString();
        }
    }
}
