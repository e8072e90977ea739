package io.cuadra.purchasing.application;

import io.cuadra.purchasing.domain.Supplier;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A supplier as the API and the pages read it, built in the service's transaction. */
@Schema(name = "Supplier")
public record SupplierView(long id, String name, String country, String taxId, String contactName, String email,
                           String phone, String address, String notes, boolean active, long version) implements java.io.Serializable {
    public static SupplierView of(Supplier s) {
        return new SupplierView(s.getId(), s.getName(), s.getCountry(), s.getTaxId(), s.getContactName(),
                s.getEmail(), s.getPhone(), s.getAddress(), s.getNotes(), s.isActive(), s.getVersion());
    }
}
