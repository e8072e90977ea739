package io.cuadra.web.platform;

import jakarta.validation.constraints.Digits;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.MatrixParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every request body of the API, found from the compiled resources: each decimal it takes declares the
 * digits its column holds, so {@link StrictJson} refuses what the database would round or overflow.
 */
class RequestBodiesTest {

    private static final Set<Class<? extends Annotation>> NOT_THE_BODY = Set.of(PathParam.class, QueryParam.class,
            HeaderParam.class, Context.class, FormParam.class, BeanParam.class, CookieParam.class, MatrixParam.class);

    @Test
    void everyDecimalOfEveryRequestBodyDeclaresItsDigits() throws Exception {
        List<Type> bodies = bodies();
        assertThat(bodies).as("request bodies found").hasSizeGreaterThan(20);
        List<String> undeclared = new ArrayList<>();
        Set<Class<?>> seen = new HashSet<>();
        for (Type body : bodies) {
            walk(body, body.getTypeName(), undeclared, seen);
        }
        assertThat(undeclared).as("BigDecimal properties without @Digits").isEmpty();
    }

    private static void walk(Type type, String path, List<String> undeclared, Set<Class<?>> seen) {
        Class<?> raw = StrictJson.raw(type);
        if (raw.isArray() || Collection.class.isAssignableFrom(raw)) {
            walk(StrictJson.elementType(type, raw), path + "[]", undeclared, seen);
            return;
        }
        if (raw.isPrimitive() || raw.isEnum() || raw.getName().startsWith("java.") || raw.getName().startsWith("jakarta.")
                || !seen.add(raw)) {
            return;
        }
        StrictJson.properties(raw).forEach((name, p) -> {
            if (StrictJson.raw(p.type()) == BigDecimal.class && !p.annotations().isAnnotationPresent(Digits.class)) {
                undeclared.add(raw.getName() + "." + name);
            }
            walk(p.type(), path + "." + name, undeclared, seen);
        });
    }

    static List<Type> bodies() throws IOException, ClassNotFoundException {
        Path classes = Path.of("target", "classes");
        List<Type> bodies = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(classes.resolve("io/cuadra/web"))) {
            files = walk.filter(f -> f.toString().endsWith("Resource.class")).toList();
        }
        for (Path file : files) {
            String name = classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
            Class<?> resource = Class.forName(name, false, RequestBodiesTest.class.getClassLoader());
            for (Method m : resource.getDeclaredMethods()) {
                if (!m.isAnnotationPresent(POST.class) && !m.isAnnotationPresent(PUT.class)
                        && !m.isAnnotationPresent(PATCH.class)) {
                    continue;
                }
                Parameter[] parameters = m.getParameters();
                for (int i = 0; i < parameters.length; i++) {
                    boolean entity = Stream.of(parameters[i].getAnnotations())
                            .noneMatch(a -> NOT_THE_BODY.contains(a.annotationType()));
                    if (entity) {
                        bodies.add(m.getGenericParameterTypes()[i]);
                    }
                }
            }
        }
        return bodies;
    }
}
