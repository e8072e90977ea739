package io.cuadra.billing.domain;

/** Checks shared by the snapshot records: SUNAT rejects empty names and caps every text field. */
final class Texts {

    private Texts() {
    }

    static String required(String value, String field, int maxLength) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " is required.");
        }
        return bounded(value.strip(), field, maxLength);
    }

    /** Blank optional text becomes null so the XML writer can simply skip it. */
    static String optional(String value, String field, int maxLength) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return bounded(value.strip(), field, maxLength);
    }

    private static String bounded(String value, String field, int maxLength) {
        if (value.length() > maxLength) {
            throw new IllegalArgumentException(field + " has " + value.length() + " characters; SUNAT accepts at most "
                    + maxLength + ".");
        }
        return value;
    }
}
