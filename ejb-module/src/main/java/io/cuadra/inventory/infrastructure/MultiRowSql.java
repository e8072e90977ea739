package io.cuadra.inventory.infrastructure;

import io.cuadra.shared.infrastructure.CrossTenantSql;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import java.util.ArrayList;
import java.util.List;

/**
 * Native statements over many rows at once ({@code values (...), (...)}), numbered parameters,
 * split into chunks of at most {@value #MAX_PARAMETERS} parameters: a count of 20,000 lots is a few
 * hundred round trips instead of tens of thousands.
 *
 * <p>The statement is {@code head + values + tail}; {@code head} may use parameters
 * {@code ?1..?fixed.length}, given once in {@code fixed}; each row adds a tuple of
 * {@code rowTemplate} with {@code {}} standing for each of its values, e.g.
 * {@code "(nextval('cuadra_id_seq'), ?1, {}, cast({} as numeric))"}.
 */
public final class MultiRowSql {

    /**
     * Parameters per statement. EclipseLink's handling of a native query's parameters grows faster
     * than their number (a 20,000-parameter statement took seconds on its own), so many small
     * statements beat a few huge ones.
     */
    private static final int MAX_PARAMETERS = 1_000;

    private MultiRowSql() {
    }

    /** Runs an insert/update per chunk; returns the rows affected. */
    public static int execute(EntityManager em, String head, String rowTemplate, String tail, Object[] fixed,
                              List<Object[]> rows) {
        int affected = 0;
        for (Query q : queries(em, head, rowTemplate, tail, fixed, rows)) {
            affected += q.executeUpdate();
        }
        return affected;
    }

    /** Runs a statement that returns rows (a select, or a write with RETURNING) per chunk. */
    @SuppressWarnings("unchecked")
    public static List<Object[]> select(EntityManager em, String head, String rowTemplate, String tail,
                                        Object[] fixed, List<Object[]> rows) {
        List<Object[]> result = new ArrayList<>();
        for (Query q : queries(em, head, rowTemplate, tail, fixed, rows)) {
            for (Object row : q.getResultList()) {
                result.add(row instanceof Object[] array ? array : new Object[]{row});
            }
        }
        return result;
    }

    private static List<Query> queries(EntityManager em, String head, String rowTemplate, String tail,
                                       Object[] fixed, List<Object[]> rows) {
        List<Query> queries = new ArrayList<>();
        if (rows.isEmpty()) {
            return queries;
        }
        int width = rows.get(0).length;
        String[] parts = rowTemplate.split("\\{}", -1);
        if (parts.length != width + 1) {
            throw new IllegalArgumentException("The row template has " + (parts.length - 1) + " places for "
                    + width + " values");
        }
        int perChunk = Math.max(1, (MAX_PARAMETERS - fixed.length) / Math.max(1, width));
        for (int from = 0; from < rows.size(); from += perChunk) {
            List<Object[]> chunk = rows.subList(from, Math.min(rows.size(), from + perChunk));
            StringBuilder sql = new StringBuilder(head);
            int next = fixed.length + 1;
            for (int r = 0; r < chunk.size(); r++) {
                if (r > 0) {
                    sql.append(", ");
                }
                sql.append(parts[0]);
                for (int c = 0; c < width; c++) {
                    sql.append('?').append(next++).append(parts[c + 1]);
                }
            }
            sql.append(tail);
            Query q = CrossTenantSql.query(em, sql.toString());
            for (int i = 0; i < fixed.length; i++) {
                q.setParameter(i + 1, fixed[i]);
            }
            int p = fixed.length + 1;
            for (Object[] row : chunk) {
                for (Object value : row) {
                    q.setParameter(p++, value);
                }
            }
            queries.add(q);
        }
        return queries;
    }
}
