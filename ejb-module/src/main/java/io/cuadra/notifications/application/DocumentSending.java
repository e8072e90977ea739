package io.cuadra.notifications.application;

import io.cuadra.billing.application.BillingQueries;
import io.cuadra.billing.events.BillingDocumentFinal;
import io.cuadra.identity.application.CompanyService;
import io.cuadra.notifications.domain.Channel;
import io.cuadra.notifications.domain.Consent;
import io.cuadra.notifications.domain.Language;
import io.cuadra.notifications.domain.NotificationEvent;
import io.cuadra.shared.domain.RuleViolation;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;

/**
 * Sends a sale's document to an address the customer gives at the counter: the same INVOICE_SENT e-mail the
 * customer gets when the document becomes final, its PDF (and XML) attached by the delivery, queued in this
 * transaction and sent by the outbox after it commits.
 */
@Stateless
public class DocumentSending {

    @EJB
    BillingQueries billing;

    @EJB
    CompanyService companies;

    @EJB
    NotificationsQueue queue;

    /** Queues the e-mail of document {@code documentId} (one of the caller's locations) to {@code address}. */
    public NotificationsQueue.Queued email(long documentId, String address, String language) {
        BillingDocumentFinal d = billing.published(documentId);
        String to = address == null ? "" : address.strip();
        // Asked for at the counter, this one message goes whatever the customer's standing preferences say.
        Consent asked = Consent.everything();
        if (asked.refusal(Channel.EMAIL, to).isPresent()) {
            throw new RuleViolation("email: " + to + " is not an e-mail address.").withKey("notifications.badEmail", to);
        }
        String lang = Language.of(language);
        return queue.queue(new NotificationDraft(NotificationEvent.INVOICE_SENT, Channel.EMAIL, lang, to, null,
                d.customerId(), d.orderId(), d.documentId(), d.locationId(),
                InvoiceNotices.variables(d, d.customerName(), lang, companies.current()), asked));
    }
}
