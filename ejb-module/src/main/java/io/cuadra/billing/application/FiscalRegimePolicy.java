package io.cuadra.billing.application;

import io.cuadra.billing.domain.BillingDocument;
import io.cuadra.billing.domain.CreditAllowance;
import io.cuadra.billing.domain.CreditNoteReason;
import io.cuadra.billing.domain.FiscalRegime;
import io.cuadra.billing.domain.PaymentTerms;
import io.cuadra.customers.application.CustomerSnapshot;
import io.cuadra.identity.domain.Company;
import io.cuadra.identity.domain.Location;
import io.cuadra.orders.events.OrderSnapshot;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;

/**
 * What one fiscal regime makes of a sale and of its corrections. {@link BillingIssuer} decides <i>when</i>
 * a document is due (paid order, credit sale, cancellation, return), checks the day is open and what may
 * still be credited; the policy of the tenant's regime decides <i>what</i> is issued: its kind, series,
 * numbering, figures, and whether anything is sent after commit. One CDI bean per regime; the tenant's
 * billing profile names the regime (by default its country's), and a correction always follows the regime
 * of the document it corrects.
 *
 * <p>Every method runs inside the issuing transaction and takes its number from {@link SeriesNumbers}, so a
 * rollback gives the number back. Anything that talks to an outside system goes through the outbox.
 *
 * <p><b>A future regime plugs in here</b> — Mexico's CFDI 4.0 through a PAC: add {@code CFDI} to
 * {@link FiscalRegime}, one bean implementing this interface that builds the CFDI XML (per-concept
 * {@code Traslados}, tax by line), stores the document PENDING and enqueues it on its own outbox topic; an
 * outbox handler hands it to {@link io.cuadra.billing.infrastructure.cfdi.PacGateway} (stamp, cancel,
 * status) whose answer (UUID, SAT seal) moves the status, as SUNAT's CDR does today. Until then MX tenants
 * issue internal receipts. Nothing of CFDI is implemented yet.
 */
public interface FiscalRegimePolicy {

    FiscalRegime regime();

    /** The document of a sale: paid (cash terms) or invoiced on credit before it is paid. */
    BillingDocument issueSale(Sale sale);

    /** The document that takes {@code correction.lines()} of {@code original} back. */
    BillingDocument issueCorrection(BillingDocument original, Correction correction);

    /**
     * A sale to document, as the orders and customers components published it.
     *
     * @param customer null for an anonymous sale
     */
    record Sale(OrderSnapshot order, CustomerSnapshot customer, PaymentTerms terms, Company company,
                Location location, Instant now) {

        public Currency currency() {
            return Currency.getInstance(order.currency());
        }

        public LocalDate today() {
            return now.atZone(location.zone()).toLocalDate();
        }

        /** The last instalment's date for a credit sale, else today. */
        public LocalDate dueDate() {
            return terms instanceof PaymentTerms.Credit credit
                    ? credit.instalments().get(credit.instalments().size() - 1).dueDate() : today();
        }
    }

    /** What a correction takes back and why, decided by {@link BillingIssuer} against what remains. */
    record Correction(CreditNoteReason reason, String description, List<CreditAllowance.CreditLine> lines,
                      Location location, Instant now) {

        public Correction {
            lines = List.copyOf(lines);
        }
    }
}
