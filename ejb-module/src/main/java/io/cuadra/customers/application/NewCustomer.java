package io.cuadra.customers.application;

import io.cuadra.customers.domain.ContactChannel;
import io.cuadra.shared.identitydocuments.DocumentType;
import io.cuadra.shared.domain.RuleViolation;

/**
 * A customer to create, as the back office's customer form and the counter both send it: the document, the
 * names, how to reach them, and — from the full form only — the further details. The one mapping to the
 * stored record ({@link #draft()}); {@link CustomerService#create(NewCustomer)} applies its rules.
 */
public record NewCustomer(DocumentType documentType, String documentNumber, String firstName, String lastName,
                          String businessName, String email, String phone, Details details) {

    /** What the full customer form adds; none at the counter. */
    public record Details(String address, String district, String city, String region, String country,
                          String preferredLanguage, ContactChannel preferredChannel, boolean contactOptOut,
                          String notes, boolean active, CustomerDraft.Person person) {

        /** Without birth date and sex. */
        public Details(String address, String district, String city, String region, String country,
                       String preferredLanguage, ContactChannel preferredChannel, boolean contactOptOut,
                       String notes, boolean active) {
            this(address, district, city, region, country, preferredLanguage, preferredChannel, contactOptOut, notes,
                    active, null);
        }
    }

    /** A customer created at the counter: document, names, a phone or an e-mail, nothing more. */
    public static NewCustomer atCounter(DocumentType documentType, String documentNumber, String firstName,
                                        String lastName, String businessName, String email, String phone) {
        return new NewCustomer(documentType, documentNumber, firstName, lastName, businessName, email, phone, null);
    }

    /** The counter's rule: the receipt must reach them, so a phone or an e-mail (the full form may leave both out). */
    void check() {
        if (details == null && blank(phone) && blank(email)) {
            throw new RuleViolation("phone: give the customer's phone or e-mail.").withKey("customers.contactNeeded");
        }
    }

    public CustomerDraft draft() {
        Details d = details != null ? details : new Details(null, null, null, null, null, null, null, false, null, true);
        return new CustomerDraft(documentType, documentNumber, firstName, lastName, businessName, email, phone,
                d.address(), d.district(), d.city(), d.region(), d.country(), d.preferredLanguage(),
                d.preferredChannel(), d.contactOptOut(), d.notes(), d.active(), d.person());
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
