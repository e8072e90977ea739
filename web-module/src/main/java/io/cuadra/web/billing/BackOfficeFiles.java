package io.cuadra.web.billing;

import io.cuadra.billing.application.BillingPrintouts;
import io.cuadra.billing.application.BillingQueries;
import io.cuadra.billing.domain.BillingDocument;
import io.cuadra.identity.application.CurrentCaller;
import io.cuadra.identity.domain.Action;
import io.cuadra.identity.domain.Module;
import io.cuadra.shared.domain.BusinessException;
import io.cuadra.shared.domain.NotFound;
import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Invoice and credit-note PDFs for the back office, under its session: {@code /billing/files/invoices/{id}.pdf}
 * and {@code /billing/files/credit-notes/{id}.pdf} ({@code ?format=ticket} for the 80 mm ticket). The REST
 * API serves the same files to bearer tokens only; pages link here. Plain links are GETs that change nothing,
 * so another site linking to them learns nothing (the answer is not readable cross-origin).
 */
@WebServlet(name = "BackOfficeFiles", urlPatterns = "/billing/files/*")
public class BackOfficeFiles extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Pattern PATH = Pattern.compile("/(invoices|credit-notes)/(\\d{1,18})\\.pdf");

    @EJB
    transient BillingQueries queries;

    @EJB
    transient BillingPrintouts printouts;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Matcher m = PATH.matcher(request.getPathInfo() == null ? "" : request.getPathInfo());
        if (!m.matches()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        if (!CurrentCaller.get().map(c -> c.can(Module.BILLING, Action.VIEW)).orElse(false)) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        long id = Long.parseLong(m.group(2));
        BillingPrintouts.Format format = "ticket".equalsIgnoreCase(request.getParameter("format"))
                ? BillingPrintouts.Format.TICKET : BillingPrintouts.Format.A4;
        byte[] pdf;
        String name;
        try {
            BillingDocument d = "invoices".equals(m.group(1)) ? queries.findInvoice(id) : queries.findCreditNote(id);
            pdf = printouts.pdf(d, format);
            name = d.getDisplayNumber() + (format == BillingPrintouts.Format.TICKET ? "-ticket" : "") + ".pdf";
        } catch (NotFound e) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        } catch (BusinessException e) {
            response.sendError(HttpServletResponse.SC_CONFLICT);
            return;
        }
        if (format == BillingPrintouts.Format.TICKET) {
            // The counter prints the ticket from a hidden frame of its own page: this origin may frame it.
            response.setHeader("X-Frame-Options", "SAMEORIGIN");
            response.setHeader("Content-Security-Policy",
                    "default-src 'none'; frame-ancestors 'self'; base-uri 'none'; form-action 'none'");
        }
        response.setContentType(BillingDownloads.PDF);
        response.setHeader("Content-Disposition", "inline; filename=\"" + name + "\"");
        response.setHeader("Cache-Control", "private, no-store");
        response.setContentLength(pdf.length);
        response.getOutputStream().write(pdf);
    }
}
