package io.cuadra.customers.application;

import io.cuadra.customers.domain.Customer;
import io.cuadra.customers.domain.CustomerQuery;
import io.cuadra.shared.domain.Page;
import io.cuadra.shared.infrastructure.CrossTenantSql;
import io.cuadra.shared.tenancy.TenantContext;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Finds customers the way a receptionist looks for them: document number first (exact, then by its
 * beginning), the start of the e-mail, names without accents (every typed word, in any order, a
 * misspelt one by its nearest spelling), phone digits. Without a query it lists the usable customers by
 * name. The total counts at most {@link #MAX_MATCHES} matches: beyond that the search is too vague to
 * page through, and counting every "quispe" of a million customers is what made it slow.
 *
 * <p>The ranked search is native SQL (pg_trgm operators have no JPQL form), so it names the tenant
 * itself; the rows it finds are then read through JPA, which scopes them to the tenant again.
 */
@Stateless
public class CustomerSearch {

    /** The statement, kept in a file so the benchmark runs exactly the same SQL. */
    public static final String SQL_RESOURCE = "/io/cuadra/customers/application/customer-search.sql";
    /** The cap written in the statement: no more matches than this are ranked or counted. */
    public static final int MAX_MATCHES = 500;
    private static final String SQL = load();

    @PersistenceContext(unitName = "cuadra")
    EntityManager em;

    public Page<Customer> search(String typed, int page, int size) {
        CustomerQuery q = CustomerQuery.of(typed);
        if (q.isEmpty()) {
            return listAll(page, size);
        }
        Query query = CrossTenantSql.query(em, SQL)
                .setParameter(1, TenantContext.require().tenantId())
                .setParameter(2, q.documentExact())
                .setParameter(3, q.documentPrefix())
                .setParameter(4, q.nameWords())
                .setParameter(5, q.folded())
                .setParameter(6, q.phoneDigits())
                .setParameter(7, q.emailPrefix())
                .setParameter(8, size)
                .setParameter(9, (long) page * size);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        if (rows.isEmpty()) {
            long total = page == 0 ? 0 : search(typed, 0, 1).total();
            return new Page<>(List.of(), total, page, size);
        }
        List<Long> ids = new ArrayList<>();
        rows.forEach(r -> ids.add(((Number) r[0]).longValue()));
        long total = ((Number) rows.get(0)[1]).longValue();
        Map<Long, Customer> byId = em.createQuery("select c from Customer c where c.id in :ids", Customer.class)
                .setParameter("ids", ids).getResultStream()
                .collect(Collectors.toMap(Customer::getId, Function.identity()));
        return new Page<>(ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList(), total, page, size);
    }

    private Page<Customer> listAll(int page, int size) {
        String where = " where c.mergedInto is null and c.deletedAt is null";
        List<Customer> items = em.createQuery("select c from Customer c" + where
                        + " order by c.lastName, c.firstName, c.businessName, c.id", Customer.class)
                .setFirstResult(page * size).setMaxResults(size).getResultList();
        long total = em.createQuery("select count(c) from Customer c" + where, Long.class).getSingleResult();
        return new Page<>(items, total, page, size);
    }

    /** The statement without its comment lines (their "?n" would read as parameters). */
    public static String statement(InputStream in) throws IOException {
        String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        return text.lines().filter(l -> !l.stripLeading().startsWith("--")).collect(Collectors.joining("\n"));
    }

    private static String load() {
        try (InputStream in = CustomerSearch.class.getResourceAsStream(SQL_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(SQL_RESOURCE + " is missing from the application");
            }
            return statement(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
