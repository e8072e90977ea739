package io.cuadra.customers.application;

import io.cuadra.customers.domain.Customer;
import io.cuadra.shared.identitydocuments.DocumentType;
import io.cuadra.audit.application.AuditedInserts;
import io.cuadra.shared.domain.Conflict;
import io.cuadra.shared.domain.NotFound;
import io.cuadra.shared.domain.Versions;
import io.cuadra.shared.infrastructure.CrossTenantSql;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Customers of the tenant: create, edit, delete (hide), and what orders need from them. */
@Stateless
public class CustomerService {

    @PersistenceContext(unitName = "cuadra")
    EntityManager em;

    /** A customer, merged ones included (they say where they went); deleted ones are gone. */
    public Customer find(long id) {
        Customer customer = em.find(Customer.class, id);
        if (customer == null || customer.isDeleted()) {
            throw new NotFound("No customer " + id + ".").withKey("customers.customer", id);
        }
        return customer;
    }

    /** The customer an order may be taken for: neither deleted nor merged (409 says which to use). */
    public Customer usable(long id) {
        Customer customer = find(id);
        customer.requireUsable();
        return customer;
    }

    /** The customer holding a document, if any (anonymous "-" sales are never found this way). */
    public Optional<Customer> byDocument(DocumentType type, String number) {
        if (type == DocumentType.NONE) {
            return Optional.empty();
        }
        String normalized = type.normalize(number);
        return em.createQuery("select c from Customer c where c.documentType = :t and c.documentNumber = :n "
                        + "and c.mergedInto is null", Customer.class)
                .setParameter("t", type).setParameter("n", normalized).getResultStream().findFirst();
    }

    /**
     * The customer reachable at this e-mail address (else this phone, as typed or in E.164), for channels that
     * know people by contact rather than by document (web shops); merged and deleted ones are skipped.
     */
    public Optional<Customer> byContact(String email, String phone) {
        if (email != null && !email.isBlank()) {
            Optional<Customer> found = em.createQuery("select c from Customer c where c.email = :e "
                            + "and c.mergedInto is null and c.deletedAt is null order by c.id", Customer.class)
                    .setParameter("e", email.strip().toLowerCase(java.util.Locale.ROOT)).setMaxResults(1)
                    .getResultStream().findFirst();
            if (found.isPresent()) {
                return found;
            }
        }
        if (phone == null || phone.isBlank()) {
            return Optional.empty();
        }
        return em.createQuery("select c from Customer c where c.phone = :p "
                        + "and c.mergedInto is null and c.deletedAt is null order by c.id", Customer.class)
                .setParameter("p", phone.strip()).setMaxResults(1).getResultStream().findFirst();
    }

    /** A customer from the back office's form or the counter, with the rules of {@link NewCustomer}. */
    public Customer create(NewCustomer customer) {
        customer.check();
        return create(customer.draft());
    }

    public Customer create(CustomerDraft draft) {
        Customer customer = draft.newCustomer();
        refuseDuplicate(customer);
        em.persist(customer);
        em.flush();
        return customer;
    }

    /**
     * Stores customers an import has already checked ({@link CustomerDraft#newCustomer()} and
     * {@link #duplicateOf}) in the caller's transaction; the unique index still guards a race with a
     * customer registered at the counter meanwhile. Written by batched JDBC with their audit lines
     * ({@link AuditedInserts}): at import sizes EclipseLink's per-object insert cost most of the import's time.
     * The customers are not managed afterwards.
     */
    public void createAll(java.util.List<Customer> checked) {
        AuditedInserts.insert(em, checked);
    }

    /**
     * Refreshes the planner's statistics of the customers table after a bulk load has grown it. Without this
     * an import into a young table is planned from statistics of a handful of rows, and {@link #holdersOf}
     * reads the whole table for every block instead of its index: 0.3 s per block at 40,000 rows.
     */
    public void refreshStatistics() {
        CrossTenantSql.query(em, "analyze customers").executeUpdate();
    }

    public Customer update(long id, long expectedVersion, CustomerDraft draft) {
        Customer customer = find(id);
        Versions.expect(expectedVersion, customer.getVersion(), "Customer " + id);
        customer.requireUsable();
        customer.identify(draft.documentType(), draft.documentNumber());
        draft.applyTo(customer);
        refuseDuplicate(customer);
        em.flush();
        return customer;
    }

    public void delete(long id) {
        find(id).delete();
        em.flush();
    }

    /** Counts a visit of the customer; called by the orders component once per order taken. */
    public Customer recordVisit(long id) {
        Customer customer = usable(id);
        customer.recordVisit();
        return customer;
    }

    /** The next usable customers after an id, for exports that walk all of them in short transactions. */
    public java.util.List<Customer> batchAfter(long afterId, int size) {
        return em.createQuery("select c from Customer c where c.id > :after and c.mergedInto is null "
                + "and c.deletedAt is null order by c.id", Customer.class)
                .setParameter("after", afterId).setMaxResults(size).getResultList();
    }

    /** Why the customer's document cannot be stored: another customer holds it. Never throws. */
    public Optional<String> duplicateOf(Customer customer) {
        return byDocument(customer.getDocumentType(), customer.getDocumentNumber())
                .filter(other -> !other.getId().equals(customer.getId()))
                .map(other -> duplicateProblem(other, customer));
    }

    /**
     * The customers holding any of these document numbers (as normalised), by {@link #documentKey}: the
     * {@link #duplicateOf} rule for many customers in one query, for imports.
     */
    public Map<String, Customer> holdersOf(Collection<String> documentNumbers) {
        if (documentNumbers.isEmpty()) {
            return Map.of();
        }
        Map<String, Customer> holders = new HashMap<>();
        em.createQuery("select c from Customer c where c.documentNumber in :n and c.mergedInto is null "
                        + "and c.documentType <> :none", Customer.class)
                .setParameter("n", documentNumbers).setParameter("none", DocumentType.NONE).getResultStream()
                .forEach(c -> holders.putIfAbsent(documentKey(c), c));
        return holders;
    }

    /** "6:20100070970": a document's type and number, the unit of uniqueness per tenant. */
    public static String documentKey(Customer customer) {
        return customer.getDocumentType().sunatCode() + ":" + customer.getDocumentNumber();
    }

    /** The refusal of {@code customer}'s document because {@code holder} has it. */
    public static String duplicateProblem(Customer holder, Customer customer) {
        return "Customer " + holder.getId() + " already has " + customer.getDocumentType().label() + " "
                + customer.getDocumentNumber() + (holder.isDeleted() ? " (deleted)." : ".");
    }

    private void refuseDuplicate(Customer customer) {
        duplicateOf(customer).ifPresent(problem -> {
            throw new Conflict(problem).withKey("customers.documentTaken", customer.getDocumentType().label(),
                    customer.getDocumentNumber()).onField("documentNumber");
        });
    }
}
