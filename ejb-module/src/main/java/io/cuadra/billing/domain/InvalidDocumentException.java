package io.cuadra.billing.domain;

import java.util.List;

/** A document refused on construction, with every problem found so they can all be fixed at once. */
public class InvalidDocumentException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    public InvalidDocumentException(String documentId, List<String> problems) {
        super("Document " + documentId + " is inconsistent: " + String.join(" ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
