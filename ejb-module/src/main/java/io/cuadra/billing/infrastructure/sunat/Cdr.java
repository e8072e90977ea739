package io.cuadra.billing.infrastructure.sunat;

import java.util.List;
import java.util.Objects;

/**
 * What a CDR (Constancia de Recepción: SUNAT's UBL ApplicationResponse) says about one document.
 *
 * @param referenceId  the document it answers for, e.g. F001-1 (cac:Response/cbc:ReferenceID)
 * @param responseCode SUNAT's return code as written (cac:Response/cbc:ResponseCode)
 * @param description  SUNAT's sentence (cac:Response/cbc:Description)
 * @param notes        observations: root-level cbc:Note entries, or cac:Response/cac:Status ones in the
 *                     layout some OSEs use
 */
public record Cdr(String referenceId, String responseCode, String description, List<SunatNote> notes) {

    public Cdr {
        Objects.requireNonNull(referenceId, "referenceId");
        Objects.requireNonNull(responseCode, "responseCode");
        Objects.requireNonNull(description, "description");
        notes = List.copyOf(notes);
    }
}
