package io.cuadra.customers.application;

import io.cuadra.customers.domain.Customer;
import io.cuadra.shared.domain.NotFound;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Customers as the other components see them ({@link CustomerSnapshot}). Tenant-scoped only, no location
 * check: the caller may be an observer of an order event or a job acting for the tenant.
 */
@Stateless
public class CustomerSnapshots {

    @PersistenceContext(unitName = "cuadra")
    EntityManager em;

    public CustomerSnapshot of(long customerId) {
        Customer c = em.find(Customer.class, customerId);
        if (c == null) {
            throw new NotFound("No customer " + customerId + ".").withKey("customers.customer", customerId);
        }
        return new CustomerSnapshot(c.getId(), c.getDocumentType(), c.getDocumentNumber(), c.displayName(),
                c.getAddress(), c.getBusinessName() != null);
    }
}
