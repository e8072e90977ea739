package io.cuadra.notifications.application;

import io.cuadra.customers.application.CustomerContacts;
import io.cuadra.identity.application.CompanyService;
import io.cuadra.identity.domain.Company;
import io.cuadra.notifications.domain.Channel;
import io.cuadra.notifications.domain.Consent;
import io.cuadra.notifications.domain.CustomerChannels;
import io.cuadra.notifications.domain.Language;
import io.cuadra.notifications.domain.NotificationEvent;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Queues one event's messages to a customer, in the caller's transaction: e-mail plus the preferred phone
 * channel, in the customer's language, with the customer's opt-outs as consent. The event fills in its own
 * variables for the chosen language; the customer's and company's names are added here.
 */
@Stateless
public class CustomerNotices {

    @EJB
    CustomerContacts contacts;

    @EJB
    CompanyService companies;

    @EJB
    NotificationsQueue queue;

    /** Where the message points in the history (order, document, location), besides the customer. */
    public record About(Long orderId, Long documentId, Long locationId) {
    }

    /** Queues the messages; nothing when the customer is unknown (deleted). Returns how many were written. */
    public int notify(NotificationEvent event, long customerId, About about,
                      Function<String, Map<String, String>> variablesInLanguage) {
        var contact = contacts.of(customerId).orElse(null);
        if (contact == null) {
            return 0;
        }
        Company company = companies.current();
        String language = Language.of(contact.language());
        Map<String, String> variables = new HashMap<>(variablesInLanguage.apply(language));
        variables.put("customerName", contact.name());
        variables.put("companyName", company.getTradeName() != null ? company.getTradeName() : company.getLegalName());
        Set<Channel> optedOut = EnumSet.noneOf(Channel.class);
        contact.optedOut().forEach(c -> Channel.ofContact(c).ifPresent(optedOut::add));
        Consent consent = new Consent(contact.allOptedOut(), optedOut);
        int written = 0;
        for (CustomerChannels.Target t : CustomerChannels.forDocument(contact.preferredChannel(), contact.email(),
                contact.phone())) {
            queue.queue(new NotificationDraft(event, t.channel(), language, t.address(), null, customerId,
                    about.orderId(), about.documentId(), about.locationId(), variables, consent));
            written++;
        }
        return written;
    }
}
