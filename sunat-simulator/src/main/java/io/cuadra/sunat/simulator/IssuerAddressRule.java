package io.cuadra.sunat.simulator;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Observation 4093: SUNAT's UBL 2.1 rules check the optional ubigeo of the issuer's fiscal address
 * (cac:AccountingSupplierParty/.../cac:RegistrationAddress/cbc:ID) against catalogue 13 (INEI's ubigeo codes)
 * and, when it is not there, accept the document with this observation. Real CDRs carry it often, because
 * issuers type the ubigeo by hand.
 *
 * <p>The simulator has no copy of catalogue 13, so it applies the catalogue's structure: six digits, a
 * department 01–25 and non-zero province and district. A code that fails this is certainly not in the
 * catalogue; one that passes may still be absent from it, which the simulator cannot tell.
 */
final class IssuerAddressRule {

    private static final Pattern SIX_DIGITS = Pattern.compile("\\d{6}");

    private IssuerAddressRule() {
    }

    static Optional<Finding> check(UblDocument document) {
        return document.issuerUbigeo()
                .filter(ubigeo -> !isWellFormedUbigeo(ubigeo))
                .map(ubigeo -> new Finding(ReturnCode.ISSUER_UBIGEO_NOT_VALID,
                        "Valor no se encuentra en el catalogo: 13 (nodo: \"cac:RegistrationAddress/cbc:ID\" valor: \""
                                + ubigeo + "\")"));
    }

    static boolean isWellFormedUbigeo(String ubigeo) {
        if (!SIX_DIGITS.matcher(ubigeo).matches()) {
            return false;
        }
        int department = Integer.parseInt(ubigeo.substring(0, 2));
        int province = Integer.parseInt(ubigeo.substring(2, 4));
        int district = Integer.parseInt(ubigeo.substring(4, 6));
        return department >= 1 && department <= 25 && province >= 1 && district >= 1;
    }
}
