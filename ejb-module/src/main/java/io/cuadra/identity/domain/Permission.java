package io.cuadra.identity.domain;

import java.util.Locale;

/** One cell of the role matrix, written {@code orders:approve}. */
public record Permission(Module module, Action action) {

    public static Permission of(Module module, Action action) {
        return new Permission(module, action);
    }

    public static Permission parse(String text) {
        int colon = text.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("A permission is module:action, got " + text);
        }
        return new Permission(Module.valueOf(text.substring(0, colon).toUpperCase(Locale.ROOT)),
                Action.valueOf(text.substring(colon + 1).toUpperCase(Locale.ROOT)));
    }

    @Override
    public String toString() {
        return module.name().toLowerCase(Locale.ROOT) + ":" + action.name().toLowerCase(Locale.ROOT);
    }
}
