package io.cuadra.notifications.application;

import io.cuadra.billing.events.BillingDocumentFinal;
import io.cuadra.notifications.domain.NotificationEvent;
import io.cuadra.notifications.domain.Wording;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import io.cuadra.identity.domain.Company;
import java.util.HashMap;
import java.util.Map;

/**
 * A document became final: its customer is sent it, in the transaction that made it final (the message commits
 * with the verdict or the issue, or neither does). A credit note is its own event (its own wording); anonymous
 * sales send nothing.
 */
@ApplicationScoped
public class InvoiceNotices {

    @EJB
    CustomerNotices customers;

    void onFinal(@Observes BillingDocumentFinal d) {
        if (d.customerId() == null) {
            return;
        }
        customers.notify(d.creditNote() ? NotificationEvent.CREDIT_NOTE_ISSUED : NotificationEvent.INVOICE_SENT,
                d.customerId(),
                new CustomerNotices.About(d.orderId(), d.documentId(), d.locationId()),
                language -> Map.of(
                        "documentKind", Wording.documentKind(d.kind(), language),
                        "documentNumber", d.displayNumber(),
                        "issueDate", d.issueDate().toString(),
                        "total", Wording.amount(d.total(), d.currency())));
    }

    /**
     * What the INVOICE_SENT templates fill in, worded in {@code language}, for a document sent on request (the
     * counter's "send"); {@link CustomerNotices} fills the same names for the automatic sending.
     */
    static Map<String, String> variables(BillingDocumentFinal d, String customerName, String language, Company company) {
        Map<String, String> variables = new HashMap<>();
        variables.put("customerName", customerName == null ? "" : customerName);
        variables.put("documentKind", Wording.documentKind(d.kind(), language));
        variables.put("documentNumber", d.displayNumber());
        variables.put("issueDate", d.issueDate().toString());
        variables.put("total", Wording.amount(d.total(), d.currency()));
        variables.put("companyName", company.getTradeName() != null ? company.getTradeName() : company.getLegalName());
        return variables;
    }
}
