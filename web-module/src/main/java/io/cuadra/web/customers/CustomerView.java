package io.cuadra.web.customers;

import io.cuadra.customers.domain.Customer;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** A customer as the API shows it; a merged one names the customer to use instead. */
@Schema(name = "Customer")
public record CustomerView(long id, String documentType, String documentNumber, String displayName, String firstName,
                           String lastName, String businessName, String email, String phone, String address,
                           String district, String city, String region, String country, String preferredLanguage,
                           String preferredChannel, boolean contactOptOut, String notes, boolean active,
                           int visitCount, boolean recurrent, Long mergedIntoId, String mergeReason,
                           OffsetDateTime mergedAt, long version, LocalDate birthDate, String sex) implements java.io.Serializable {

    public static CustomerView of(Customer c) {
        return new CustomerView(c.getId(), c.getDocumentType().sunatCode(), c.getDocumentNumber(), c.displayName(),
                c.getFirstName(), c.getLastName(), c.getBusinessName(), c.getEmail(), c.getPhone(), c.getAddress(),
                c.getDistrict(), c.getCity(), c.getRegion(), c.getCountry(), c.getPreferredLanguage(),
                c.getPreferredChannel().name(), c.isContactOptOut(), c.getNotes(), c.isActive(), c.getVisitCount(),
                c.isRecurrent(), c.getMergedInto() == null ? null : c.getMergedInto().getId(), c.getMergeReason(),
                c.getMergedAt() == null ? null : c.getMergedAt().atOffset(ZoneOffset.UTC), c.getVersion(),
                c.getBirthDate(), c.getSex());
    }
}
