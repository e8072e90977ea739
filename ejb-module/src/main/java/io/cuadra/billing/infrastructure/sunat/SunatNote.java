package io.cuadra.billing.infrastructure.sunat;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An observation of SUNAT on an accepted document, as a CDR's cbc:Note carries it: "4093 - El codigo de ubigeo
 * del domicilio fiscal del emisor no es válido - ...".
 *
 * @param code    the 4-digit observation code, or "" when the note does not start with one
 * @param message the text after the code (the whole note when there is no code)
 */
public record SunatNote(String code, String message) {

    private static final Pattern CODED = Pattern.compile("(\\d{4})\\s*[-:]\\s*(.*)", Pattern.DOTALL);

    public SunatNote {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }

    public static SunatNote parse(String note) {
        String text = note.strip();
        Matcher m = CODED.matcher(text);
        return m.matches() ? new SunatNote(m.group(1), m.group(2).strip()) : new SunatNote("", text);
    }
}
