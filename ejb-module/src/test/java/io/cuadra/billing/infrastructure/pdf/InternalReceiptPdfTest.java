package io.cuadra.billing.infrastructure.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import io.cuadra.billing.domain.receipt.InternalReceipt;
import io.cuadra.billing.domain.receipt.ReceiptTotals;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;

class InternalReceiptPdfTest {

    @Test
    void aChileanReceiptPrintsWholePesosWithTheIvaSplitOutOfTheTotal() {
        ReceiptTotals totals = ReceiptTotals.of(List.of(new ReceiptTotals.Line(new BigDecimal("11900.00"),
                new BigDecimal("19")), new ReceiptTotals.Line(new BigDecimal("2500.00"), BigDecimal.ZERO)),
                Currency.getInstance("CLP"));
        InternalReceipt receipt = new InternalReceipt(false, "RV-000007", LocalDateTime.of(2026, 12, 7, 10, 30),
                "SIPUD SpA", "76.123.456-0", "Av. Providencia 1234, Santiago", null,
                List.of(new InternalReceipt.Line(new BigDecimal("1.000"), "Caja de vasos", totals.lines().get(0)),
                        new InternalReceipt.Line(new BigDecimal("2.000"), "Servicio exento", totals.lines().get(1))),
                totals, null, null);

        String text = PdfPages.text(DocumentPdf.receipt(receipt, null));

        assertThat(text).contains("Comprobante de venta", "N° RV-000007", "SIPUD SpA", "76.123.456-0",
                "Fecha: 07/12/2026 10:30", "Cliente sin identificar", "Caja de vasos", "Servicio exento",
                "sin validez tributaria");
        assertThat(text).contains("Neto 19 %:", "10.000", "IVA 19 %:", "1.900", "Exento:", "2.500", "Total:",
                "14.400");
        assertThat(text).doesNotContain("14.400,00").doesNotContain("10.000,00");
    }

    @Test
    void aReceiptPrintsTheCompanyLogoWhenThereIsOne() {
        ReceiptTotals totals = ReceiptTotals.of(List.of(new ReceiptTotals.Line(new BigDecimal("6900"),
                new BigDecimal("19"))), Currency.getInstance("CLP"));
        InternalReceipt receipt = new InternalReceipt(false, "RV-000001", LocalDateTime.of(2026, 12, 7, 10, 30),
                "SIPUD SpA", "76.086.428-5", "Av. Matta 100", null,
                List.of(new InternalReceipt.Line(BigDecimal.ONE, "Despacho", totals.lines().get(0))), totals, null, null);

        assertThat(PdfPages.imageSizes(DocumentPdf.receipt(receipt, null), 0)).isEmpty();
        byte[] pdf = DocumentPdf.receipt(receipt, TestLogo.png(400, 120));
        assertThat(PdfPages.imageSizes(pdf, 0)).containsExactly("400x120");
        assertThat(PdfPages.text(pdf)).contains("N° RV-000001", "$6.900");
    }

    @Test
    void aMexicanCreditSlipPrintsCentsAndNamesTheReceiptItCorrects() {
        ReceiptTotals totals = ReceiptTotals.of(List.of(new ReceiptTotals.Line(new BigDecimal("116.00"),
                new BigDecimal("16"))), Currency.getInstance("MXN"));
        InternalReceipt slip = new InternalReceipt(true, "RD-000001", LocalDateTime.of(2026, 12, 7, 18, 5),
                "Quenty Logística S.A. de C.V.", "QLO180101AB1", null, "Ana Pérez (PEAA800101HDFRRN09)",
                List.of(new InternalReceipt.Line(BigDecimal.ONE, "Envío nacional", totals.lines().get(0))), totals,
                "RV-000003", "Devolución por ítem");

        String text = PdfPages.text(DocumentPdf.receipt(slip, null));

        assertThat(text).contains("Nota de devolución", "N° RD-000001", "Corrige: RV-000003",
                "Motivo: Devolución por ítem", "Ana Pérez (PEAA800101HDFRRN09)");
        assertThat(text).contains("Neto 16 %:", "100.00", "IVA 16 %:", "16.00", "Total:", "116.00");
    }
}
