package io.cuadra.billing.domain;

import io.cuadra.shared.identitydocuments.DocumentCheck;
import io.cuadra.shared.identitydocuments.DocumentType;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The company issuing the document, as registered with SUNAT. The establishment code is the
 * "código de establecimiento anexo" of the location that sells ("0000" for the fiscal address).
 */
public record Issuer(String ruc, String legalName, String tradeName, String establishmentCode,
                     FiscalAddress address) {

    private static final Pattern ESTABLISHMENT = Pattern.compile("\\d{4}");

    public Issuer {
        DocumentCheck check = DocumentType.RUC.check(ruc);
        if (!check.valid()) {
            throw new IllegalArgumentException("Issuer RUC: " + check.problem());
        }
        ruc = check.number();
        legalName = Texts.required(legalName, "Issuer legal name", 1500);
        tradeName = Texts.optional(tradeName, "Issuer trade name", 1500);
        if (establishmentCode == null || !ESTABLISHMENT.matcher(establishmentCode).matches()) {
            throw new IllegalArgumentException("The SUNAT establishment code has 4 digits (\"0000\" for the fiscal"
                    + " address); got \"" + establishmentCode + "\".");
        }
        Objects.requireNonNull(address, "Issuer fiscal address");
    }
}
