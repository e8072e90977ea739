package io.cuadra.customers.application;

import io.cuadra.customers.domain.ContactChannel;
import io.cuadra.customers.domain.Customer;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import java.util.Set;

/**
 * How a customer may be reached, as the customers component publishes it to notifications: addresses,
 * preferred channel and language, and what the customer said no to.
 */
@Stateless
public class CustomerContacts {

    @PersistenceContext(unitName = "cuadra")
    EntityManager em;

    @EJB
    CustomerService customers;

    /**
     * @param preferredChannel EMAIL, SMS, WHATSAPP, PHONE or NONE
     * @param optedOut         channels refused one by one ({@code allOptedOut}: every channel)
     */
    public record Contact(long customerId, String name, String email, String phone, String language,
                          String preferredChannel, boolean allOptedOut, Set<String> optedOut) {
    }

    /** The contact of a customer of the current tenant (merged ones included); empty if deleted or unknown. */
    public Optional<Contact> of(long customerId) {
        Customer c = em.find(Customer.class, customerId);
        if (c == null || c.isDeleted()) {
            return Optional.empty();
        }
        return Optional.of(contactOf(c));
    }

    /** Records the channels the customer refuses (replacing the previous choice); audited like any edit. */
    public Contact optOut(long customerId, Set<ContactChannel> channels) {
        Customer c = customers.find(customerId);
        c.optOutOf(channels);
        return contactOf(c);
    }

    /**
     * The holder of this phone replied STOP on {@code channel}: every customer of the tenant reached at it stops
     * getting that channel (their other refusals kept). Returns the customers changed.
     */
    public java.util.List<Long> optOutByPhone(String e164, ContactChannel channel) {
        java.util.List<Long> changed = new java.util.ArrayList<>();
        for (Customer c : em.createQuery("select c from Customer c where c.phone = :phone and c.deletedAt is null",
                Customer.class).setParameter("phone", e164).getResultList()) {
            Set<ContactChannel> refused = c.getOptedOutChannels();
            if (refused.add(channel)) {
                c.optOutOf(refused);
                changed.add(c.getId());
            }
        }
        return changed;
    }

    private static Contact contactOf(Customer c) {
        return new Contact(c.getId(), c.displayName(), c.getEmail(), c.getPhone(), c.getPreferredLanguage(),
                c.getPreferredChannel().name(), c.isContactOptOut(),
                c.getOptedOutChannels().stream().map(Enum::name).collect(java.util.stream.Collectors.toSet()));
    }
}
