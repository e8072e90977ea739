package io.cuadra.web.shell;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ConversationScoped;
import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Serializable;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web application is distributable: in the cluster profile every session attribute (session-scoped beans, and
 * through the server-side JSF state the view-scoped ones) is serialized into the data grid. A bean or a field that
 * cannot be serialized would lose the session when its instance dies, so each is checked here: the bean is
 * Serializable, and each field it keeps is either injected (the container serializes the reference), transient, or
 * of a serializable, primitive or interface type.
 */
class SessionStateTest {

    @Test
    void everySessionAndViewScopedBeanCanMoveToAnotherServer() throws Exception {
        List<String> problems = new ArrayList<>();
        int beans = 0;
        for (Class<?> type : webClasses()) {
            if (!type.isAnnotationPresent(SessionScoped.class) && !type.isAnnotationPresent(ViewScoped.class)
                    && !type.isAnnotationPresent(ConversationScoped.class)) {
                continue;
            }
            beans++;
            if (!Serializable.class.isAssignableFrom(type)) {
                problems.add(type.getName() + " is not Serializable");
            }
            for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
                for (Field f : c.getDeclaredFields()) {
                    int m = f.getModifiers();
                    Class<?> ft = f.getType();
                    if (Modifier.isStatic(m) || Modifier.isTransient(m) || f.isAnnotationPresent(Inject.class)
                            || f.isAnnotationPresent(EJB.class)) {
                        continue;
                    }
                    unserializable(f.getGenericType(), new java.util.HashSet<>())
                            .forEach(t -> problems.add(type.getName() + "." + f.getName() + ": " + t + " is not serializable"));
                }
            }
        }
        assertThat(beans).as("session- and view-scoped beans found").isGreaterThan(20);
        assertThat(problems).isEmpty();
    }

    /**
     * The types a field's value is made of that cannot be serialized: the class itself, and for the application's
     * own records and the type arguments of collections (List&lt;SomeView&gt;), what they hold, all the way down.
     */
    private static List<String> unserializable(java.lang.reflect.Type type, Set<java.lang.reflect.Type> seen) {
        List<String> found = new ArrayList<>();
        if (!seen.add(type)) {
            return found;
        }
        if (type instanceof java.lang.reflect.ParameterizedType p) {
            found.addAll(unserializable(p.getRawType(), seen));
            for (java.lang.reflect.Type argument : p.getActualTypeArguments()) {
                found.addAll(unserializable(argument, seen));
            }
            return found;
        }
        if (!(type instanceof Class<?> c) || c.isPrimitive() || c.isEnum() || c == Object.class) {
            // type variables and wildcards: their bounds are checked where they are bound; Object (a report cell,
            // text or a number) is whatever the value is
            return found;
        }
        if (c.isArray()) {
            return unserializable(c.getComponentType(), seen);
        }
        if (!c.isInterface() && !Serializable.class.isAssignableFrom(c)) {
            found.add(c.getName());
        }
        if (c.getName().startsWith("io.cuadra.") && c.isRecord()) {
            for (java.lang.reflect.RecordComponent rc : c.getRecordComponents()) {
                found.addAll(unserializable(rc.getGenericType(), seen));
            }
        }
        return found;
    }

    private static List<Class<?>> webClasses() throws IOException, URISyntaxException, ClassNotFoundException {
        Path root = Path.of(SessionStateTest.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .resolveSibling("classes");
        List<Class<?>> classes = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = root.relativize(p).toString().replace('/', '.').replaceAll("\\.class$", "");
                classes.add(Class.forName(name, false, SessionStateTest.class.getClassLoader()));
            }
        }
        return classes;
    }
}
