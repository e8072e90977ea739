package io.cuadra.it.support;

import io.cuadra.it.support.Http.Reply;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** New locations for tests that need one of their own (numbering from 1, stock of their own). */
public final class TestLocations {

    private TestLocations() {
    }

    /**
     * Opens a location in Lima's zone. Paid orders are invoiced in the same transaction, so it gets SUNAT
     * series of its own: F/B + {@code letter} + a two-character tag from {@code n} for invoices and receipts,
     * F/B + {@code creditLetter} + the tag for their credit notes.
     */
    public static long open(Http admin, String code, int n, String establishment, char letter, char creditLetter) {
        String tag = Integer.toString(36 * 36 + n % (36 * 36), 36).substring(1).toUpperCase(Locale.ROOT);
        Reply location = admin.post("api/locations", "{\"code\":\"" + code + "\",\"name\":\"Sede " + code
                + "\",\"timeZone\":\"America/Lima\",\"sunatEstablishment\":\"" + establishment + "\",\"invoiceSeries\":\"F"
                + letter + tag + "\",\"receiptSeries\":\"B" + letter + tag + "\",\"invoiceCreditSeries\":\"F" + creditLetter
                + tag + "\",\"receiptCreditSeries\":\"B" + creditLetter + tag + "\"}");
        assertThat(location.status()).as(location.toString()).isEqualTo(201);
        return location.json().getJsonNumber("id").longValue();
    }
}
