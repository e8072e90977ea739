package io.cuadra.billing.domain.france;

import io.cuadra.shared.domain.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FrenchInvoiceTest {

    /** Fictitious identifiers with valid check digits. */
    static final String SIREN = "904812302";
    static final String SIRET = "90481230200019";
    static final String VAT = "FR73904812302";
    static final String BUYER_SIREN = "512345679";
    static final LocalDate ISSUED = LocalDate.of(2026, 11, 21);

    static FrenchSeller seller() {
        return new FrenchSeller("CUADRA FRANCE", "SAS", Money.of("10000", "EUR"), "12 rue de la Paix, 75002 Paris",
                SIREN, SIRET, "Paris", VAT);
    }

    static FrenchInvoice facture(FrenchBuyer buyer) {
        return new FrenchInvoice(FrenchDocumentKind.FACTURE, new FrenchInvoiceNumber("FA2026", 123), ISSUED,
                ISSUED.minusDays(2), seller(), buyer, OperationCategory.MIXED, List.of(
                        new FrenchInvoiceLine("Café en grains 1 kg", new BigDecimal("3"), Money.of("18.90", "EUR"),
                                new BigDecimal("5.5")),
                        new FrenchInvoiceLine("Formation barista", BigDecimal.ONE, Money.of("450.00", "EUR"),
                                new BigDecimal("20.0")),
                        new FrenchInvoiceLine("Tasse", new BigDecimal("12"), Money.of("4.15", "EUR"),
                                new BigDecimal("20"))),
                ISSUED.plusDays(30), "virement à 30 jours", null, null, null);
    }

    static FrenchBuyer business() {
        return FrenchBuyer.company("BRASSERIE DU PORT SARL", "3 quai Vendôme, 13002 Marseille", BUYER_SIREN,
                "FR75512345679");
    }

    @Test
    void sumsVatPerRateOnTheBases() {
        FrenchInvoice invoice = facture(business());

        assertThat(invoice.vatBreakdown()).containsExactly(
                new VatBreakdown(new BigDecimal("20"), Money.of("499.80", "EUR"), Money.of("99.96", "EUR")),
                new VatBreakdown(new BigDecimal("5.5"), Money.of("56.70", "EUR"), Money.of("3.12", "EUR")));
        assertThat(invoice.totalExclTax()).isEqualTo(Money.of("556.50", "EUR"));
        assertThat(invoice.totalVat()).isEqualTo(Money.of("103.08", "EUR"));
        assertThat(invoice.totalInclTax()).isEqualTo(Money.of("659.58", "EUR"));
    }

    @Test
    void businessInvoiceCarriesTheLegalMentionsIncludingTheFortyEuroIndemnity() {
        FrenchInvoiceMentions mentions = FrenchInvoiceMentions.of(facture(business()));

        assertThat(mentions.heading()).isEqualTo("FACTURE N° FA2026-000123");
        assertThat(mentions.seller()).contains("SAS au capital de 10 000,00 €", "SIREN 904812302 - RCS Paris",
                "SIRET 90481230200019", "N° TVA intracommunautaire : FR73904812302");
        assertThat(mentions.buyer()).contains("BRASSERIE DU PORT SARL", "SIREN 512345679",
                "N° TVA intracommunautaire : FR75512345679");
        assertThat(mentions.references()).contains("Date d'émission : 21/11/2026",
                "Date de la vente ou de la prestation : 19/11/2026",
                "Catégorie de l'opération : Livraison de biens et prestation de services");
        assertThat(mentions.payment()).contains("Date d'échéance : 21/12/2026",
                "Conditions de paiement : virement à 30 jours", "Pas d'escompte pour paiement anticipé.");
        assertThat(mentions.payment()).anyMatch(m -> m.contains("pénalités") && m.contains("BCE majoré de 10 points"));
        assertThat(mentions.payment()).anyMatch(m -> m.startsWith("Indemnité forfaitaire pour frais de recouvrement")
                && m.contains("40 €"));
    }

    @Test
    void consumerInvoiceHasNoRecoveryIndemnity() {
        FrenchInvoiceMentions mentions = FrenchInvoiceMentions.of(
                facture(FrenchBuyer.consumer("Camille Martin", "8 allée des Tilleuls, 69003 Lyon")));

        assertThat(mentions.payment()).noneMatch(m -> m.contains("40 €"));
        assertThat(mentions.payment()).anyMatch(m -> m.contains("pénalités"));
    }

    @Test
    void avoirNamesTheInvoiceItCorrects() {
        FrenchInvoice avoir = new FrenchInvoice(FrenchDocumentKind.AVOIR, new FrenchInvoiceNumber("AV2026", 7),
                ISSUED.plusDays(3), ISSUED.minusDays(2), seller(), business(), OperationCategory.GOODS,
                List.of(new FrenchInvoiceLine("Tasse (retour)", new BigDecimal("2"), Money.of("4.15", "EUR"),
                        new BigDecimal("20"))),
                ISSUED.plusDays(3), "remboursement par virement", new FrenchInvoiceNumber("FA2026", 123), ISSUED,
                null);

        FrenchInvoiceMentions mentions = FrenchInvoiceMentions.of(avoir);
        assertThat(mentions.heading()).isEqualTo("AVOIR N° AV2026-000007");
        assertThat(mentions.references()).contains("Avoir sur la facture n° FA2026-000123 du 21/11/2026");
        assertThat(avoir.totalInclTax()).isEqualTo(Money.of("9.96", "EUR"));
    }

    @Test
    void theSellersSirenIsFoundInWhicheverTaxIdTheTenantWasOpenedWith() {
        // A French tenant may be opened with its SIRET, its SIREN or its VAT number (country pack FR).
        assertThat(FrenchIdentifiers.sirenOf("73282932000074")).isEqualTo("732829320");
        assertThat(FrenchIdentifiers.sirenOf("FR44 732829320")).isEqualTo("732829320");
        assertThat(FrenchIdentifiers.sirenOf("732 829 320")).isEqualTo("732829320");
        assertThat(FrenchIdentifiers.requireSiren(FrenchIdentifiers.sirenOf("73282932000074"))).isEqualTo("732829320");
    }

    @Test
    void refusesWhatFrenchLawForbids() {
        FrenchInvoice ok = facture(business());
        assertThatThrownBy(() -> new FrenchInvoice(ok.kind(), ok.number(), ok.issueDate(), ok.saleDate(), ok.seller(),
                ok.buyer(), ok.category(), ok.lines(), ISSUED.plusDays(61), ok.paymentTerms(), null, null, null))
                .hasMessageContaining("at most 60 days");
        assertThatThrownBy(() -> new FrenchInvoice(FrenchDocumentKind.AVOIR, ok.number(), ok.issueDate(),
                ok.saleDate(), ok.seller(), ok.buyer(), ok.category(), ok.lines(), ok.paymentDueDate(),
                ok.paymentTerms(), null, null, null))
                .hasMessageContaining("names the invoice it corrects");
        List<FrenchInvoiceLine> exempt = List.of(new FrenchInvoiceLine("Cours", BigDecimal.ONE,
                Money.of("100", "EUR"), BigDecimal.ZERO));
        assertThatThrownBy(() -> new FrenchInvoice(ok.kind(), ok.number(), ok.issueDate(), ok.saleDate(),
                ok.seller(), ok.buyer(), ok.category(), exempt, ok.paymentDueDate(), ok.paymentTerms(), null, null,
                null))
                .hasMessageContaining("exemption ground");
        assertThatThrownBy(() -> new FrenchInvoiceLine("Vin", BigDecimal.ONE, Money.of("10", "EUR"),
                new BigDecimal("19.6")))
                .hasMessageContaining("not a French VAT rate");
    }

    @Test
    void checksSirenSiretAndVatNumber() {
        assertThat(FrenchIdentifiers.vatNumberOf(SIREN)).isEqualTo(VAT);
        assertThatThrownBy(() -> FrenchIdentifiers.requireSiren("904812303")).hasMessageContaining("check digit");
        assertThatThrownBy(() -> FrenchIdentifiers.requireSiret("51234567900017", SIREN))
                .hasMessageContaining("does not belong");
        assertThatThrownBy(() -> FrenchIdentifiers.requireVatNumber("FR00904812302", SIREN))
                .hasMessageContaining("is FR73904812302");
    }

    @Test
    void numbersRunContinuouslyPerSeries() {
        FrenchInvoiceNumber first = new FrenchInvoiceNumber("FA2026", 1);
        assertThat(first.next().formatted()).isEqualTo("FA2026-000002");

        List<FrenchInvoiceNumber> issued = List.of(new FrenchInvoiceNumber("FA2026", 3), first,
                new FrenchInvoiceNumber("FA2026", 2), new FrenchInvoiceNumber("AV2026", 1),
                new FrenchInvoiceNumber("AV2026", 3), new FrenchInvoiceNumber("FA2026", 3));
        assertThat(FrenchInvoiceNumber.continuityProblems(issued)).containsExactly(
                "Series AV2026 jumps from AV2026-000001 to AV2026-000003.",
                "FA2026-000003 is issued twice.");
        assertThat(FrenchInvoiceNumber.continuityProblems(List.of(new FrenchInvoiceNumber("FA2027", 2))))
                .containsExactly("Series FA2027 jumps from its start to FA2027-000002.");
    }

    @Test
    void writesEurosTheFrenchWay() {
        assertThat(FrenchInvoiceMentions.euros(Money.of("1234567.5", "EUR"))).isEqualTo("1 234 567,50 €");
        assertThat(FrenchInvoiceMentions.euros(Money.of("40", "EUR"))).isEqualTo("40,00 €");
        assertThat(FrenchInvoiceMentions.rate(new BigDecimal("5.5"))).isEqualTo("5,5 %");
    }
}
