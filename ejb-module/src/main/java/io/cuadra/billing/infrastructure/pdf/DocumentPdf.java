package io.cuadra.billing.infrastructure.pdf;

import io.cuadra.billing.domain.ElectronicDocument;
import io.cuadra.billing.domain.france.FrenchInvoice;
import io.cuadra.billing.domain.receipt.InternalReceipt;

/**
 * The printable documents, as PDF bytes ready to store, mail or send to a printer.
 *
 * <pre>{@code
 * byte[] a4     = DocumentPdf.a4(doc, signed.hash(), logoPng);      // factura, boleta, credit note
 * byte[] ticket = DocumentPdf.ticket(doc, signed.hash(), null);     // 80 mm roll, no logo
 * byte[] avoir  = DocumentPdf.french(frenchInvoice, logoPng);       // facture or avoir, no QR
 * byte[] recibo = DocumentPdf.receipt(internalReceipt, logoPng);    // internal receipt or credit slip
 * }</pre>
 *
 * <p>Every call builds its own document and fonts, so the methods may be called concurrently from any
 * number of threads. The hash is the DigestValue of the signed XML; it is printed and goes into the QR
 * ({@link io.cuadra.billing.domain.SunatQrText}), so a document is printed after it is signed. The logo
 * is optional PNG (or JPEG) bytes; {@code null} prints no logo.
 */
public final class DocumentPdf {

    private DocumentPdf() {
    }

    /** A factura, boleta or credit note on an A4 page (more pages when the lines need them). */
    public static byte[] a4(ElectronicDocument document, String hash, byte[] logoOrNull) {
        return new PeruvianA4Layout(new PeruvianPrintout(document, hash), logoOrNull).render();
    }

    /** A factura, boleta or credit note on an 80 mm roll: 226.77 pt wide, as tall as its content. */
    public static byte[] ticket(ElectronicDocument document, String hash, byte[] logoOrNull) {
        return new PeruvianTicketLayout(new PeruvianPrintout(document, hash), logoOrNull).render();
    }

    /** A French facture or avoir on A4, with the mentions French law requires. */
    public static byte[] french(FrenchInvoice invoice, byte[] logoOrNull) {
        return new FrenchInvoiceLayout(invoice, logoOrNull).render();
    }

    /** An internal sale receipt or credit slip on A4 (no tax authority: CL, MX). */
    public static byte[] receipt(InternalReceipt receipt, byte[] logoOrNull) {
        return new InternalReceiptLayout(receipt, logoOrNull).render();
    }
}
