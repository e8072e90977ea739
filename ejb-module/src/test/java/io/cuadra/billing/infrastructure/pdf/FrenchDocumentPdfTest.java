package io.cuadra.billing.infrastructure.pdf;

import com.google.zxing.ReaderException;
import io.cuadra.billing.SampleFrenchInvoices;
import io.cuadra.billing.domain.france.FrenchInvoice;
import java.util.List;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class FrenchDocumentPdfTest {

    @Test
    void businessFacturePrintsNumberSellerIdentityLinesVatAndTotals() {
        byte[] pdf = DocumentPdf.french(SampleFrenchInvoices.facture(SampleFrenchInvoices.business()), null);

        List<PDRectangle> pages = PdfPages.pageSizes(pdf);
        assertThat(pages).hasSize(1);
        assertThat(pages.get(0).getWidth()).isCloseTo(PDRectangle.A4.getWidth(), within(0.5f));
        String text = PdfPages.text(pdf);
        assertThat(text).contains("FACTURE N° FA2026-000123", "CUADRA FRANCE", "SAS au capital de 10 000,00 €",
                "SIREN 904812302 - RCS Paris", "SIRET " + SampleFrenchInvoices.SIRET,
                "N° TVA intracommunautaire : " + SampleFrenchInvoices.VAT_NUMBER);
        assertThat(text).contains("BRASSERIE DU PORT SARL", "3 quai Vendôme, 13002 Marseille",
                "N° TVA intracommunautaire : " + SampleFrenchInvoices.BUYER_VAT_NUMBER);
        assertThat(text).contains("Date d'émission : 21/11/2026", "Date de la vente ou de la prestation : 19/11/2026",
                "Catégorie de l'opération : Livraison de biens et prestation de services");
        assertThat(text).contains("Café en grains 1 kg 3 18,90 € 5,5 % 56,70 €",
                "Formation barista (½ journée) 1 450,00 € 20 % 450,00 €", "Tasse œuvre d'art 12 4,15 € 20 % 49,80 €");
        assertThat(text).contains("20 % 499,80 € 99,96 €", "5,5 % 56,70 € 3,12 €");
        assertThat(text).contains("Total HT : 556,50 €", "Total TVA : 103,08 €", "Total TTC : 659,58 €");
    }

    @Test
    void businessFacturePrintsThePaymentMentionsWithTheFortyEuroIndemnity() {
        String text = PdfPages.text(DocumentPdf.french(SampleFrenchInvoices.facture(SampleFrenchInvoices.business()),
                null));

        assertThat(text).contains("Date d'échéance : 21/12/2026", "Conditions de paiement : virement à 30 jours",
                "Pas d'escompte pour paiement anticipé.",
                "des pénalités sont exigibles dès le lendemain de la date d'échéance, au taux de refinancement de la"
                        + " BCE majoré de 10 points.",
                "Indemnité forfaitaire pour frais de recouvrement en cas de retard de paiement : 40 €");
    }

    @Test
    void consumerFactureHasThePenaltiesButNoRecoveryIndemnity() {
        String text = PdfPages.text(DocumentPdf.french(SampleFrenchInvoices.facture(SampleFrenchInvoices.consumer()),
                null));

        assertThat(text).contains("Françoise Lefèvre", "pénalités").doesNotContain("Indemnité forfaitaire");
    }

    @Test
    void avoirNamesTheInvoiceItCorrects() {
        String text = PdfPages.text(DocumentPdf.french(SampleFrenchInvoices.avoir(), null));

        assertThat(text).contains("AVOIR N° AV2026-000007", "Avoir sur la facture n° FA2026-000123 du 21/11/2026",
                "Total TTC : 659,58 €").doesNotContain("FACTURE N°");
    }

    @Test
    void carriesNoQrCodeAndNoImageWithoutALogo() {
        byte[] pdf = DocumentPdf.french(SampleFrenchInvoices.facture(SampleFrenchInvoices.business()), null);

        assertThat(PdfPages.imageSizes(pdf, 0)).isEmpty();
        assertThatThrownBy(() -> PdfPages.decodeQr(PdfPages.render(pdf, 0, 200)))
                .isInstanceOf(ReaderException.class);
    }

    @Test
    void embedsTheLogoWhenGiven() {
        FrenchInvoice facture = SampleFrenchInvoices.facture(SampleFrenchInvoices.business());

        byte[] pdf = DocumentPdf.french(facture, TestLogo.png(400, 120));

        assertThat(PdfPages.imageSizes(pdf, 0)).containsExactly("400x120");
        assertThat(PdfPages.text(pdf)).contains("FACTURE N° FA2026-000123");
    }
}
