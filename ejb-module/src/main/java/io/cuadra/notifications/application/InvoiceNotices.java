package io.cuadra.notifications.application;

import io.cuadra.billing.events.BillingDocumentFinal;
import io.cuadra.customers.application.CustomerContacts;
import io.cuadra.identity.application.CompanyService;
import io.cuadra.identity.domain.Company;
import io.cuadra.notifications.domain.Channel;
import io.cuadra.notifications.domain.Consent;
import io.cuadra.notifications.domain.CustomerChannels;
import io.cuadra.notifications.domain.Language;
import io.cuadra.notifications.domain.NotificationEvent;
import io.cuadra.notifications.domain.Wording;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * A document became final: its customer is sent it, in the transaction that made it final (the message commits
 * with the verdict or the issue, or neither does). Anonymous sales and credit notes send nothing for now.
 */
@ApplicationScoped
public class InvoiceNotices {

    @EJB
    CustomerContacts contacts;

    @EJB
    CompanyService companies;

    @EJB
    NotificationsQueue queue;

    void onFinal(@Observes BillingDocumentFinal d) {
        if (d.creditNote() || d.customerId() == null) {
            return;
        }
        var contact = contacts.of(d.customerId()).orElse(null);
        if (contact == null) {
            return;
        }
        String language = Language.of(contact.language());
        Map<String, String> variables = variables(d, contact.name(), language, companies.current());
        Set<Channel> optedOut = EnumSet.noneOf(Channel.class);
        contact.optedOut().forEach(c -> Channel.ofContact(c).ifPresent(optedOut::add));
        Consent consent = new Consent(contact.allOptedOut(), optedOut);
        for (CustomerChannels.Target t : CustomerChannels.forDocument(contact.preferredChannel(), contact.email(),
                contact.phone())) {
            queue.queue(new NotificationDraft(NotificationEvent.INVOICE_SENT, t.channel(), language, t.address(), null,
                    d.customerId(), d.orderId(), d.documentId(), d.locationId(), variables, consent));
        }
    }

    /** What the INVOICE_SENT templates fill in, worded in {@code language}. */
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
