package io.cuadra.customers.application;

import io.cuadra.customers.domain.ContactChannel;
import io.cuadra.customers.domain.DocumentType;

/** What a client says a customer should be; the entity checks each part. */
public record CustomerDraft(DocumentType documentType, String documentNumber, String firstName, String lastName,
                            String businessName, String email, String phone, String address, String district,
                            String city, String region, String country, String preferredLanguage,
                            ContactChannel preferredChannel, boolean contactOptOut, String notes, boolean active) {
}
