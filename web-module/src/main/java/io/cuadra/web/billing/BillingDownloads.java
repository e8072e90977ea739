package io.cuadra.web.billing;

import io.cuadra.billing.application.BillingPrintouts;
import io.cuadra.billing.application.BillingQueries;
import io.cuadra.billing.application.DocumentFilter;
import io.cuadra.billing.domain.BillingDocument;
import io.cuadra.billing.domain.BillingDocumentKind;
import io.cuadra.billing.domain.DocumentStatus;
import io.cuadra.shared.domain.NotFound;
import io.cuadra.shared.domain.RuleViolation;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** What the invoice and credit-note resources share: filters from query parameters, file downloads. */
final class BillingDownloads {

    static final String PDF = "application/pdf";
    static final String XML = "application/xml";

    private BillingDownloads() {
    }

    static DocumentFilter filter(Long location, String type, String status, String from, String to, Long customer) {
        return new DocumentFilter(location, kind(type), status(status), date(from, "from"), date(to, "to"), customer);
    }

    private static BillingDocumentKind kind(String type) {
        if (type == null || type.isBlank()) {
            return null;
        }
        String t = type.strip().toUpperCase(Locale.ROOT);
        try {
            return t.length() == 2 ? BillingDocumentKind.byTypeCode(t) : BillingDocumentKind.valueOf(t);
        } catch (IllegalArgumentException e) {
            throw new RuleViolation("Unknown document type " + type + ": use 01, 03, 07 or FACTURA, BOLETA,"
                    + " CREDIT_NOTE, FACTURE, AVOIR.");
        }
    }

    private static DocumentStatus status(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return DocumentStatus.valueOf(status.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new RuleViolation("Unknown status " + status + ".");
        }
    }

    private static LocalDate date(String value, String name) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new RuleViolation(name + " must be a date such as 2026-11-21.");
        }
    }

    static Response pdf(BillingPrintouts printouts, BillingDocument d, String format) {
        BillingPrintouts.Format f = "ticket".equalsIgnoreCase(format) ? BillingPrintouts.Format.TICKET
                : BillingPrintouts.Format.A4;
        return file(printouts.pdf(d, f), PDF, d.getDisplayNumber() + (f == BillingPrintouts.Format.TICKET
                ? "-ticket" : "") + ".pdf");
    }

    static Response xml(BillingDocument d) {
        byte[] xml = d.getXml();
        if (xml == null) {
            throw new NotFound(d.getDisplayNumber() + " has no XML: only SUNAT documents do.");
        }
        return file(xml, XML, d.getIssuerTaxId() + "-" + d.getTypeCode() + "-" + d.getDisplayNumber() + ".xml");
    }

    static Response cdr(BillingQueries queries, BillingDocument d) {
        String cdr = queries.lastCdr(d).orElseThrow(() -> new NotFound(d.getDisplayNumber()
                + " has no CDR from SUNAT yet.")).getCdrXml();
        return file(cdr.getBytes(StandardCharsets.UTF_8), XML, "R-" + d.getIssuerTaxId() + "-" + d.getTypeCode()
                + "-" + d.getDisplayNumber() + ".xml");
    }

    private static Response file(byte[] bytes, String type, String name) {
        return Response.ok(bytes, type).header("Content-Disposition", "inline; filename=\"" + name + "\"").build();
    }
}
