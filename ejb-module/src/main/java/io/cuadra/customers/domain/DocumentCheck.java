package io.cuadra.customers.domain;

/** The verdict on one identity document number: normalised number, and the reason when it is wrong. */
public record DocumentCheck(DocumentType type, String number, boolean valid, String problem) {

    static DocumentCheck valid(DocumentType type, String number) {
        return new DocumentCheck(type, number, true, null);
    }

    static DocumentCheck invalid(DocumentType type, String number, String problem) {
        return new DocumentCheck(type, number, false, problem);
    }
}
