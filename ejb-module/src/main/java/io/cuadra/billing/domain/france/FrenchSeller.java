package io.cuadra.billing.domain.france;

import io.cuadra.shared.domain.Money;
import java.util.Objects;

/**
 * The French seller as a company invoice must identify it: name, legal form and share capital, address,
 * SIREN with its RCS registry city, SIRET of the establishment and intra-community VAT number.
 */
public record FrenchSeller(String legalName, String legalForm, Money shareCapital, String address, String siren,
                           String siret, String rcsCity, String vatNumber) {

    public FrenchSeller {
        legalName = required(legalName, "Seller legal name");
        legalForm = required(legalForm, "Seller legal form");
        Objects.requireNonNull(shareCapital, "share capital");
        address = required(address, "Seller address");
        siren = FrenchIdentifiers.requireSiren(siren);
        siret = FrenchIdentifiers.requireSiret(siret, siren);
        rcsCity = required(rcsCity, "RCS city");
        vatNumber = FrenchIdentifiers.requireVatNumber(vatNumber, siren);
    }

    static String required(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " is required.");
        }
        return value.strip();
    }
}
