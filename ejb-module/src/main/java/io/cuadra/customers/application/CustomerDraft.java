package io.cuadra.customers.application;

import io.cuadra.customers.domain.ContactChannel;
import io.cuadra.customers.domain.Customer;
import io.cuadra.shared.identitydocuments.DocumentType;
import java.time.LocalDate;

/**
 * What a client says a customer should be; the entity checks each part.
 *
 * @param person birth date and sex as the client says them; null when the client does not deal in them (an import,
 *               a shop): what is stored then stays
 */
public record CustomerDraft(DocumentType documentType, String documentNumber, String firstName, String lastName,
                            String businessName, String email, String phone, String address, String district,
                            String city, String region, String country, String preferredLanguage,
                            ContactChannel preferredChannel, boolean contactOptOut, String notes, boolean active,
                            Person person) {

    /** Birth date and sex; either may be null (not known). */
    public record Person(LocalDate birthDate, String sex) {
    }

    /** A draft that leaves birth date and sex as they are. */
    public CustomerDraft(DocumentType documentType, String documentNumber, String firstName, String lastName,
                         String businessName, String email, String phone, String address, String district,
                         String city, String region, String country, String preferredLanguage,
                         ContactChannel preferredChannel, boolean contactOptOut, String notes, boolean active) {
        this(documentType, documentNumber, firstName, lastName, businessName, email, phone, address, district, city,
                region, country, preferredLanguage, preferredChannel, contactOptOut, notes, active, null);
    }

    /**
     * A new, not yet stored customer with every rule of the entity applied (document, names, phone...).
     * Plain Java on purpose: an import job checks rows with it without an EJB call whose refusal would
     * doom the whole chunk's transaction.
     */
    public Customer newCustomer() {
        Customer customer = new Customer(documentType, documentNumber);
        applyTo(customer);
        return customer;
    }

    void applyTo(Customer customer) {
        customer.name(firstName, lastName, businessName);
        customer.liveAt(address, district, city, region, country);
        customer.reachAt(email, phone);
        customer.prefer(preferredLanguage, preferredChannel, contactOptOut);
        customer.annotate(notes, active);
        if (person != null) {
            customer.describe(person.birthDate(), person.sex());
        }
    }
}
