package io.cuadra.shared.identitydocuments;

import java.util.List;

/**
 * The verdict on one identity document number: normalised number, and the reason when it is wrong — as an
 * English sentence (the REST detail) and as a message key with its arguments, for a page in the user's language.
 */
public record DocumentCheck(DocumentType type, String number, boolean valid, String problem, String problemKey,
                            List<String> problemArgs) implements java.io.Serializable {

    public DocumentCheck {
        problemArgs = problemArgs == null ? List.of() : List.copyOf(problemArgs);
    }

    static DocumentCheck valid(DocumentType type, String number) {
        return new DocumentCheck(type, number, true, null, null, List.of());
    }

    static DocumentCheck invalid(DocumentType type, String number, String problem) {
        return new DocumentCheck(type, number, false, problem, "document.invalid", List.of(type.name(), number));
    }

    static DocumentCheck invalid(DocumentType type, String number, String problem, String key, Object... args) {
        return new DocumentCheck(type, number, false, problem, key,
                java.util.Arrays.stream(args).map(String::valueOf).toList());
    }
}
