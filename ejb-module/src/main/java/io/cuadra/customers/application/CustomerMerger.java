package io.cuadra.customers.application;

import io.cuadra.customers.domain.Customer;
import io.cuadra.shared.domain.NotFound;
import io.cuadra.shared.domain.RuleViolation;
import io.cuadra.shared.infrastructure.CrossTenantSql;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import java.util.List;

/**
 * Merges a duplicate customer into the one that stays, in one transaction: every row that points at
 * the duplicate (found from the database's foreign keys, so tables added later by orders or billing
 * are covered without touching this class) is moved to the survivor, then the duplicate is marked merged.
 */
@Stateless
public class CustomerMerger {

    /** Every single-column foreign key to customers(id), as (table, column) safe to splice into SQL. */
    private static final String REFERENCES = """
            select quote_ident(n.nspname) || '.' || quote_ident(t.relname), quote_ident(a.attname)
            from pg_constraint k
            join pg_class t on t.oid = k.conrelid
            join pg_namespace n on n.oid = t.relnamespace
            join pg_attribute a on a.attrelid = k.conrelid and a.attnum = k.conkey[1]
            where k.contype = 'f' and k.confrelid = 'customers'::regclass and cardinality(k.conkey) = 1
            order by 1, 2""";

    @PersistenceContext(unitName = "cuadra")
    EntityManager em;

    /** Merges {@code duplicateId} into {@code survivorId}; answers how many rows were moved. */
    public int merge(long survivorId, long duplicateId, String reason) {
        if (survivorId == duplicateId) {
            throw new RuleViolation("A customer cannot be merged into itself.").withKey("customers.customerCannotMerged");
        }
        // Lock both in id order so two merges of the same pair cannot deadlock or interleave.
        Customer first = lock(Math.min(survivorId, duplicateId));
        Customer second = lock(Math.max(survivorId, duplicateId));
        Customer survivor = first.getId() == survivorId ? first : second;
        Customer duplicate = survivor == first ? second : first;
        duplicate.mergeInto(survivor, reason);
        em.flush();
        int moved = 0;
        @SuppressWarnings("unchecked")
        List<Object[]> references = CrossTenantSql.query(em, REFERENCES).getResultList();
        for (Object[] ref : references) {
            String table = (String) ref[0];
            String column = (String) ref[1];
            // Includes customers merged into the duplicate earlier: they now point at the survivor.
            String sql = "update " + table + " set " + column + " = ?1 where " + column + " = ?2";
            moved += CrossTenantSql.query(em, sql).setParameter(1, survivorId).setParameter(2, duplicateId)
                    .executeUpdate();
        }
        return moved;
    }

    private Customer lock(long id) {
        Customer customer = em.find(Customer.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (customer == null || customer.isDeleted()) {
            throw new NotFound("No customer " + id + ".").withKey("customers.customer", id);
        }
        return customer;
    }
}
