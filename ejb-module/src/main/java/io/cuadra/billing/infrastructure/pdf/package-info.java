/**
 * Printable documents as PDF, drawn with OpenPDF 2 (Java 17): SUNAT documents on A4 or an 80 mm ticket
 * with their QR code and hash, and French factures and avoirs on A4. Entry point: {@link
 * io.cuadra.billing.infrastructure.pdf.DocumentPdf}.
 *
 * <p>The layouts only arrange what the domain already words and computes ({@code SunatQrText},
 * {@code AmountInWords}, {@code DocumentTotals}, {@code FrenchInvoiceMentions}); the one place that turns
 * a SUNAT document into printed labels and formatted amounts is {@code PeruvianPrintout}, shared by both
 * Peruvian layouts.
 */
package io.cuadra.billing.infrastructure.pdf;
