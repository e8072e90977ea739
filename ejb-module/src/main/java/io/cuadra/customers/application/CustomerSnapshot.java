package io.cuadra.customers.application;

import io.cuadra.shared.identitydocuments.DocumentType;

/**
 * A customer as other components (billing) copy it onto what they issue: immutable, taken at that moment.
 *
 * @param displayName the business name for a company, else the person's full name
 * @param address     null when the customer gave none
 * @param business    whether the customer is a company (has a business name)
 */
public record CustomerSnapshot(long customerId, DocumentType documentType, String documentNumber, String displayName,
                               String address, boolean business) {
}
