package io.cuadra.billing;

import io.cuadra.billing.domain.france.FrenchBuyer;
import io.cuadra.billing.domain.france.FrenchDocumentKind;
import io.cuadra.billing.domain.france.FrenchInvoice;
import io.cuadra.billing.domain.france.FrenchInvoiceLine;
import io.cuadra.billing.domain.france.FrenchInvoiceNumber;
import io.cuadra.billing.domain.france.FrenchSeller;
import io.cuadra.billing.domain.france.OperationCategory;
import io.cuadra.shared.domain.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** French invoices used by the printing tests: a facture to a business or a consumer, and its avoir. */
public final class SampleFrenchInvoices {

    /** Fictitious identifiers with valid check digits. */
    public static final String SIREN = "904812302";
    public static final String SIRET = "90481230200019";
    public static final String VAT_NUMBER = "FR73904812302";
    public static final String BUYER_SIREN = "512345679";
    public static final String BUYER_VAT_NUMBER = "FR75512345679";
    public static final LocalDate ISSUE_DATE = LocalDate.of(2026, 11, 21);
    public static final FrenchInvoiceNumber INVOICE_NUMBER = new FrenchInvoiceNumber("FA2026", 123);

    private SampleFrenchInvoices() {
    }

    public static FrenchSeller seller() {
        return new FrenchSeller("CUADRA FRANCE", "SAS", Money.of("10000", "EUR"), "12 rue de la Paix, 75002 Paris",
                SIREN, SIRET, "Paris", VAT_NUMBER);
    }

    public static FrenchBuyer business() {
        return FrenchBuyer.company("BRASSERIE DU PORT SARL", "3 quai Vendôme, 13002 Marseille", BUYER_SIREN,
                BUYER_VAT_NUMBER);
    }

    public static FrenchBuyer consumer() {
        return FrenchBuyer.consumer("Françoise Lefèvre", "8 allée des Tilleuls, 69003 Lyon");
    }

    /** 556,50 € HT at 20 % and 5,5 %: 103,08 € of VAT, 659,58 € TTC. */
    public static FrenchInvoice facture(FrenchBuyer buyer) {
        return new FrenchInvoice(FrenchDocumentKind.FACTURE, INVOICE_NUMBER, ISSUE_DATE, ISSUE_DATE.minusDays(2),
                seller(), buyer, OperationCategory.MIXED, lines(), ISSUE_DATE.plusDays(30), "virement à 30 jours",
                null, null, null);
    }

    /** Credits the whole of {@link #facture} issued to {@link #business()}. */
    public static FrenchInvoice avoir() {
        LocalDate issued = ISSUE_DATE.plusDays(5);
        return new FrenchInvoice(FrenchDocumentKind.AVOIR, new FrenchInvoiceNumber("AV2026", 7), issued,
                ISSUE_DATE.minusDays(2), seller(), business(), OperationCategory.MIXED, lines(), issued,
                "remboursement par virement", INVOICE_NUMBER, ISSUE_DATE, null);
    }

    private static List<FrenchInvoiceLine> lines() {
        return List.of(
                new FrenchInvoiceLine("Café en grains 1 kg", new BigDecimal("3"), Money.of("18.90", "EUR"),
                        new BigDecimal("5.5")),
                new FrenchInvoiceLine("Formation barista (½ journée)", BigDecimal.ONE, Money.of("450.00", "EUR"),
                        new BigDecimal("20")),
                new FrenchInvoiceLine("Tasse œuvre d'art", new BigDecimal("12"), Money.of("4.15", "EUR"),
                        new BigDecimal("20")));
    }
}
