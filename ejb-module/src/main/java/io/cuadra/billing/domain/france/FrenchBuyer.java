package io.cuadra.billing.domain.france;

/**
 * The buyer. A business buyer ({@code business}) triggers the 40 EUR recovery indemnity mention; its
 * SIREN and VAT number are printed when known. A delivery address different from the billing address is
 * printed too.
 */
public record FrenchBuyer(String name, String address, boolean business, String siren, String vatNumber,
                          String deliveryAddress) {

    public FrenchBuyer {
        name = FrenchSeller.required(name, "Buyer name");
        address = FrenchSeller.required(address, "Buyer address");
        siren = siren == null || siren.isBlank() ? null : FrenchIdentifiers.requireSiren(siren);
        if (vatNumber != null && !vatNumber.isBlank()) {
            vatNumber = siren == null ? vatNumber.strip() : FrenchIdentifiers.requireVatNumber(vatNumber, siren);
        } else {
            vatNumber = null;
        }
        deliveryAddress = deliveryAddress == null || deliveryAddress.isBlank() ? null : deliveryAddress.strip();
        if (!business && siren != null) {
            throw new IllegalArgumentException("A consumer has no SIREN; mark the buyer as a business.");
        }
    }

    public static FrenchBuyer consumer(String name, String address) {
        return new FrenchBuyer(name, address, false, null, null, null);
    }

    public static FrenchBuyer company(String name, String address, String siren, String vatNumber) {
        return new FrenchBuyer(name, address, true, siren, vatNumber, null);
    }
}
