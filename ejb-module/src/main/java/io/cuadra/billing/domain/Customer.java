package io.cuadra.billing.domain;

import io.cuadra.shared.identitydocuments.DocumentCheck;
import io.cuadra.shared.identitydocuments.DocumentType;
import java.util.Objects;

/**
 * The buyer as printed and sent: catalog 06 identity document, name and, when known, address. An
 * anonymous counter sale uses {@link DocumentType#NONE} with number "-".
 */
public record Customer(DocumentType documentType, String documentNumber, String name, String address) {

    public Customer {
        Objects.requireNonNull(documentType, "Customer document type");
        DocumentCheck check = documentType.check(documentNumber);
        if (!check.valid()) {
            throw new IllegalArgumentException("Customer document: " + check.problem());
        }
        documentNumber = check.number();
        name = Texts.required(name, "Customer name", 1500);
        address = Texts.optional(address, "Customer address", 200);
    }

    public static Customer anonymous() {
        return new Customer(DocumentType.NONE, "-", "CLIENTES VARIOS", null);
    }

    /** Catalog 06 code written as schemeID ("6" for RUC, "1" for DNI, ...). */
    public String documentTypeCode() {
        return documentType.sunatCode();
    }
}
