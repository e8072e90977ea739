package io.cuadra.billing.infrastructure.pdf;

import io.cuadra.billing.SampleDocuments;
import io.cuadra.billing.domain.Customer;
import io.cuadra.billing.domain.DocumentKind;
import io.cuadra.billing.domain.ElectronicDocument;
import io.cuadra.billing.domain.PaymentTerms;
import io.cuadra.billing.domain.SunatQrText;
import io.cuadra.shared.identitydocuments.DocumentType;
import java.nio.charset.StandardCharsets;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class PeruvianDocumentPdfTest {

    /** A DigestValue as the signer returns it: Base64 with '+' and '/', which must survive printing. */
    private static final String HASH = "qCRtaNCpYi1mtnbz5rVmTBKkpcVNGT2LEkStLKCJ+6w=";

    @Test
    void a4FacturaQrDecodesToTheSunatQrText() throws Exception {
        ElectronicDocument factura = SampleDocuments.factura();

        byte[] pdf = DocumentPdf.a4(factura, HASH, TestLogo.png(300, 100));

        String decoded = PdfPages.decodeQr(PdfPages.render(pdf, 0, 200));
        assertThat(decoded).isEqualTo(SunatQrText.of(factura, HASH));
    }

    @Test
    void ticketBoletaQrDecodesToTheSunatQrText() throws Exception {
        ElectronicDocument boleta = SampleDocuments.boleta();

        byte[] pdf = DocumentPdf.ticket(boleta, HASH, null);

        String decoded = PdfPages.decodeQr(PdfPages.render(pdf, 0, 300));
        assertThat(decoded).isEqualTo(SunatQrText.of(boleta, HASH));
    }

    @Test
    void a4FacturaPrintsIssuerCustomerLinesTotalsWordsAndHash() {
        ElectronicDocument factura = SampleDocuments.factura();

        String text = PdfPages.text(DocumentPdf.a4(factura, HASH, null));

        assertThat(text).contains("FACTURA ELECTRÓNICA", "F001-123", "RUC " + SampleDocuments.ISSUER_RUC,
                "CUADRA DEMO S.A.C.", "Cuadra Café", "AV. JOSÉ LARCO 1232", "MIRAFLORES", "Establecimiento: 0000");
        assertThat(text).contains("NEGOCIOS ANDINOS S.A.", "RUC: " + SampleDocuments.CUSTOMER_RUC,
                "JR. DE LA UNIÓN 456, LIMA", "21/11/2026", "16:40:05");
        assertThat(text).contains("CAF-01 Café americano 12 oz NIU 3 8.4746 25.42",
                "SRV-10 Servicio de catering ZZ 1 1,000.00 1,000.00");
        assertThat(text).contains("Op. gravada: S/ 1,025.42", "Op. exonerada: S/ 0.00", "Op. inafecta: S/ 0.00",
                "IGV: S/ 184.58", "Importe total: S/ 1,210.00");
        assertThat(text).contains("SON: MIL DOSCIENTOS DIEZ CON 00/100 SOLES", "SON: " + factura.amountInWords());
        assertThat(text).contains("Hash: " + HASH, "Representación impresa de la FACTURA ELECTRÓNICA");
    }

    @Test
    void creditSaleShowsThePendingAmountAndEachInstalment() {
        String text = PdfPages.text(DocumentPdf.a4(SampleDocuments.factura(), HASH, null));

        assertThat(text).contains("Forma de pago: Crédito", "Monto neto pendiente de pago: S/ 1,210.00",
                "Cuota 001: S/ 600.00 vence el 21/12/2026", "Cuota 002: S/ 610.00 vence el 20/01/2027");
    }

    @Test
    void ticketBoletaPrintsTitleNumberCustomerTotalWordsAndHash() {
        ElectronicDocument boleta = SampleDocuments.boleta();

        String text = PdfPages.text(DocumentPdf.ticket(boleta, HASH, null));

        assertThat(text).contains("BOLETA DE VENTA ELECTRÓNICA", "B001-1", "Cliente: CLIENTES VARIOS",
                "Documento: Sin documento", "Forma de pago: Contado", "Fecha de emisión: 21/11/2026",
                "Hora de emisión: 09:15:30");
        assertThat(text).contains("CAF-01 Café americano 12 oz 2 NIU x 8.4746 16.95",
                "SAN-02 Sándwich de pollo & palta <grande> 1 NIU x 15.678 15.68");
        assertThat(text).contains("Importe total: S/ 38.50", "SON: TREINTA Y OCHO CON 50/100 SOLES",
                "Hash: " + HASH, "Representación impresa de la BOLETA DE VENTA ELECTRÓNICA");
    }

    @Test
    void totalsAreSplitPerTaxScheme() {
        ElectronicDocument mixed = SampleDocuments.mixedBoleta();

        for (byte[] pdf : List.of(DocumentPdf.a4(mixed, HASH, null), DocumentPdf.ticket(mixed, HASH, null))) {
            assertThat(PdfPages.text(pdf)).contains("MARÍA QUISPE ÑAHUI", "DNI: 46027897",
                    "Op. gravada: S/ 8.47", "Op. exonerada: S/ 90.00", "Op. inafecta: S/ 8.00", "IGV: S/ 1.53",
                    "Importe total: S/ 108.00", "SON: CIENTO OCHO CON 00/100 SOLES");
        }
    }

    @Test
    void discountsArePrintedBetweenTheUndiscountedUnitValuesAndTheNetTotals() {
        ElectronicDocument discounted = SampleDocuments.discountedFactura();

        for (byte[] pdf : List.of(DocumentPdf.a4(discounted, HASH, null), DocumentPdf.ticket(discounted, HASH, null))) {
            // 2.54 + 3.14 without tax; 22.88 + 28.22 taxed, 90.00 exempt
            assertThat(PdfPages.text(pdf)).contains("Descuentos: S/ 5.68", "Op. gravada: S/ 51.10",
                    "Op. exonerada: S/ 90.00", "Importe total: S/ 150.30");
        }
        assertThat(PdfPages.text(DocumentPdf.a4(SampleDocuments.mixedBoleta(), HASH, null)))
                .doesNotContain("Descuentos");
    }

    @Test
    void creditNoteShowsTheDocumentItModifiesAndTheReason() {
        ElectronicDocument full = SampleDocuments.fullCreditNote();
        ElectronicDocument partial = SampleDocuments.partialCreditNote();

        for (byte[] pdf : List.of(DocumentPdf.a4(full, HASH, null), DocumentPdf.ticket(full, HASH, null))) {
            assertThat(PdfPages.text(pdf)).contains("NOTA DE CRÉDITO ELECTRÓNICA", "FC01-1",
                    "Documento que modifica: FACTURA ELECTRÓNICA F001-123",
                    "Motivo: 01 - Anulación de la operación", "Sustento: ANULACIÓN DE LA OPERACIÓN",
                    "Importe total: S/ 1,210.00", "Representación impresa de la NOTA DE CRÉDITO ELECTRÓNICA")
                    .doesNotContain("Forma de pago");
        }
        assertThat(PdfPages.text(DocumentPdf.a4(partial, HASH, null))).contains(
                "Motivo: 07 - Devolución por ítem", "Sustento: DEVOLUCIÓN DE 1 CAFÉ", "Importe total: S/ 10.00");
    }

    @Test
    void creditNoteQrCarriesItsOwnTypeAndNumber() throws Exception {
        ElectronicDocument creditNote = SampleDocuments.boletaCreditNote();

        byte[] pdf = DocumentPdf.ticket(creditNote, HASH, TestLogo.png(240, 80));

        assertThat(PdfPages.decodeQr(PdfPages.render(pdf, 0, 300)))
                .isEqualTo(SunatQrText.of(creditNote, HASH))
                .startsWith(SampleDocuments.ISSUER_RUC + "|07|BC01|1|");
    }

    @Test
    void logoIsEmbeddedAsAnImageOnlyWhenGiven() {
        ElectronicDocument factura = SampleDocuments.factura();
        byte[] logo = TestLogo.png(321, 107);

        assertThat(PdfPages.imageSizes(DocumentPdf.a4(factura, HASH, logo), 0)).containsExactly("321x107");
        assertThat(PdfPages.imageSizes(DocumentPdf.ticket(factura, HASH, logo), 0)).containsExactly("321x107");
        // The QR is vector art, so without a logo the page has no image at all.
        assertThat(PdfPages.imageSizes(DocumentPdf.a4(factura, HASH, null), 0)).isEmpty();
        assertThat(PdfPages.imageSizes(DocumentPdf.ticket(factura, HASH, null), 0)).isEmpty();
    }

    @Test
    void ticketIsEightyMillimetresWideAndAsTallAsItsContent() {
        byte[] short_ = DocumentPdf.ticket(boletaWithCoffees(2), HASH, null);
        byte[] longer = DocumentPdf.ticket(boletaWithCoffees(40), HASH, null);

        List<PDRectangle> shortPages = PdfPages.pageSizes(short_);
        List<PDRectangle> longerPages = PdfPages.pageSizes(longer);
        assertThat(shortPages).hasSize(1);
        assertThat(longerPages).hasSize(1);
        assertThat(shortPages.get(0).getWidth()).isCloseTo(226.77f, within(0.01f));
        assertThat(longerPages.get(0).getWidth()).isCloseTo(226.77f, within(0.01f));
        // Each coffee adds two printed lines (description, then quantity x value and amount).
        float perLine = (longerPages.get(0).getHeight() - shortPages.get(0).getHeight()) / 38;
        assertThat(perLine).isBetween(15f, 40f);
        assertThat(shortPages.get(0).getHeight()).isBetween(350f, 700f);
    }

    @Test
    void veryLongTicketContinuesOnPagesReadersAccept() throws Exception {
        ElectronicDocument boleta = boletaWithCoffees(700);

        byte[] pdf = DocumentPdf.ticket(boleta, HASH, null);

        List<PDRectangle> pages = PdfPages.pageSizes(pdf);
        assertThat(pages).hasSizeGreaterThan(1)
                .allSatisfy(page -> assertThat(page.getHeight()).isLessThanOrEqualTo(14_400f))
                .allSatisfy(page -> assertThat(page.getWidth()).isCloseTo(226.77f, within(0.01f)));
        String text = PdfPages.text(pdf);
        assertThat(text.split("Café americano 12 oz", -1)).hasSize(701);
        int last = pages.size() - 1;
        assertThat(PdfPages.pageText(pdf, last + 1)).contains("Importe total: S/ 7,000.00", "Hash: " + HASH);
        assertThat(PdfPages.decodeQr(PdfPages.render(pdf, last, 200))).isEqualTo(SunatQrText.of(boleta, HASH));
    }

    @Test
    void longA4DocumentRepeatsTheColumnTitlesAndEndsWithTotalsAndQr() throws Exception {
        ElectronicDocument boleta = boletaWithCoffees(80);

        byte[] pdf = DocumentPdf.a4(boleta, HASH, null);

        assertThat(PdfPages.pageSizes(pdf)).hasSizeGreaterThan(1);
        assertThat(PdfPages.pageText(pdf, 2)).contains("Código Descripción Unidad Cantidad V. unitario Valor venta");
        int lastPage = PdfPages.pageSizes(pdf).size();
        assertThat(PdfPages.pageText(pdf, lastPage)).contains("Importe total: S/ 800.00",
                "SON: OCHOCIENTOS CON 00/100 SOLES", "Hash: " + HASH);
        assertThat(PdfPages.decodeQr(PdfPages.render(pdf, lastPage - 1, 200)))
                .isEqualTo(SunatQrText.of(boleta, HASH));
    }

    @Test
    void lettersOutsideWinAnsiLoseTheirAccentInsteadOfVanishing() {
        ElectronicDocument boleta = ElectronicDocument.builder()
                .kind(DocumentKind.BOLETA)
                .number("B001-77")
                .issuedAt(SampleDocuments.ISSUE_DATE, LocalTime.of(11, 30))
                .currency(SampleDocuments.PEN)
                .issuer(SampleDocuments.issuer())
                .customer(new Customer(DocumentType.PASSPORT, "AB123456", "ŁUKASZ DVOŘÁK ŞAHİN", null))
                .line(SampleDocuments.coffee("1"))
                .build();

        // Á is in Cp1252 and stays; Ř, Ş and İ keep their base letter; Ł has none and shows as "?".
        assertThat(PdfPages.text(DocumentPdf.ticket(boleta, HASH, null)))
                .contains("Cliente: ?UKASZ DVORÁK SAHIN", "Pasaporte: AB123456");
    }

    @Test
    void refusesToPrintWithoutTheHashOfTheSignedXml() {
        assertThatThrownBy(() -> DocumentPdf.a4(SampleDocuments.factura(), " ", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sign first");
        assertThatThrownBy(() -> DocumentPdf.ticket(SampleDocuments.boleta(), null, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesALogoThatIsNotAnImage() {
        byte[] notAnImage = "<svg xmlns='http://www.w3.org/2000/svg'/>".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> DocumentPdf.a4(SampleDocuments.factura(), HASH, notAnImage))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("logo");
        assertThatThrownBy(() -> DocumentPdf.ticket(SampleDocuments.boleta(), HASH, new byte[0]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("logo");
    }

    @Test
    void rendersTheSameDocumentsFromManyThreadsAtOnce() throws Exception {
        List<ElectronicDocument> documents = SampleDocuments.allVariants();
        List<String> expected = new ArrayList<>();
        for (ElectronicDocument document : documents) {
            expected.add(PdfPages.text(DocumentPdf.a4(document, HASH, null)));
        }

        List<Callable<String>> jobs = new ArrayList<>();
        for (int round = 0; round < 6; round++) {
            for (ElectronicDocument document : documents) {
                jobs.add(() -> PdfPages.text(DocumentPdf.a4(document, HASH, null)));
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> results = pool.invokeAll(jobs);
            for (int i = 0; i < results.size(); i++) {
                assertThat(results.get(i).get()).isEqualTo(expected.get(i % documents.size()));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** A boleta of {@code count} coffees at S/ 10.00 to a customer with a DNI (over S/ 700 it must name one). */
    private static ElectronicDocument boletaWithCoffees(int count) {
        return ElectronicDocument.builder()
                .kind(DocumentKind.BOLETA)
                .number("B001-900")
                .issuedAt(SampleDocuments.ISSUE_DATE, LocalTime.of(18, 0))
                .currency(SampleDocuments.PEN)
                .issuer(SampleDocuments.issuer())
                .customer(new Customer(DocumentType.DNI, "46027897", "MARÍA QUISPE ÑAHUI", null))
                .lines(Collections.nCopies(count, SampleDocuments.coffee("1")))
                .paymentTerms(PaymentTerms.cash())
                .build();
    }
}
