package io.cuadra.purchasing.application;

import io.cuadra.identity.application.CompanyService;
import io.cuadra.shared.infrastructure.CrossTenantSql;
import io.cuadra.shared.tenancy.TenantContext;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.LocalDate;

/**
 * Gap-free numbers of purchase orders (OC-2026-000001) and goods receipts (GR-2026-000001): the
 * counter row of (tenant, kind, year) is incremented — and so locked — by the transaction that uses
 * the number, so a rollback gives the number back and concurrent documents wait for each other.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class PurchasingNumbers {

    public static final String ORDER = "OC";
    public static final String RECEIPT = "GR";

    @PersistenceContext(unitName = "cuadra")
    EntityManager em;

    @EJB
    CompanyService company;

    public String next(String kind) {
        int year = LocalDate.now(company.current().zone()).getYear();
        Number n = (Number) CrossTenantSql.query(em, "insert into purchasing_counters (tenant_id, kind, year, last_number) "
                        + "values (?1, ?2, ?3, 1) on conflict (tenant_id, kind, year) "
                        + "do update set last_number = purchasing_counters.last_number + 1 returning last_number")
                .setParameter(1, TenantContext.require().tenantId()).setParameter(2, kind).setParameter(3, year)
                .getSingleResult();
        return String.format("%s-%d-%06d", kind, year, n.longValue());
    }
}
