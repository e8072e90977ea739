package io.cuadra.reconciliation.application;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Optional filters of a list query: only the conditions whose value was given become part of the
 * statement (PostgreSQL cannot type a bare {@code :p is null} parameter bound to null).
 */
final class QueryFilter {

    private final StringBuilder where = new StringBuilder(" where 1 = 1");
    private final Map<String, Object> params = new LinkedHashMap<>();

    /** Adds {@code condition} (naming {@code :name}) when the value is not null. */
    QueryFilter and(String condition, String name, Object value) {
        if (value != null) {
            where.append(" and ").append(condition);
            params.put(name, value);
        }
        return this;
    }

    /** A condition without parameters, always applied. */
    QueryFilter and(String condition) {
        where.append(" and ").append(condition);
        return this;
    }

    <T> TypedQuery<T> query(EntityManager em, String select, String orderBy, Class<T> type) {
        return create(em, select + where + (orderBy == null ? "" : " order by " + orderBy), type);
    }

    <T> TypedQuery<T> grouped(EntityManager em, String select, String groupBy, Class<T> type) {
        return create(em, select + where + " group by " + groupBy, type);
    }

    private <T> TypedQuery<T> create(EntityManager em, String jpql, Class<T> type) {
        TypedQuery<T> q = em.createQuery(jpql, type);
        params.forEach(q::setParameter);
        return q;
    }

    long count(EntityManager em, String select) {
        return query(em, select, null, Long.class).getSingleResult();
    }
}
