package io.cuadra.web.billing;

import io.cuadra.billing.application.BillingPrintouts;
import io.cuadra.billing.application.BillingQueries;
import io.cuadra.billing.domain.BillingDocument;
import io.cuadra.shared.domain.NotFound;
import io.cuadra.web.platform.FileResponses;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;

/** What the invoice and credit-note resources share: file downloads. */
final class BillingDownloads {

    static final String PDF = "application/pdf";
    static final String XML = "application/xml";

    private BillingDownloads() {
    }

    /** @param format A4 when not given */
    static Response pdf(BillingPrintouts printouts, BillingDocument d, BillingPrintouts.Format format) {
        BillingPrintouts.Format f = format == null ? BillingPrintouts.Format.A4 : format;
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
        return FileResponses.inline(bytes, type, name).build();
    }
}
