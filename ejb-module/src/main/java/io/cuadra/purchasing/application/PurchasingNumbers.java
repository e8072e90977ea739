package io.cuadra.purchasing.application;

import io.cuadra.identity.application.CompanyService;
import io.cuadra.shared.numbering.Counter;
import io.cuadra.shared.numbering.GapFreeCounters;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

import java.time.LocalDate;

/**
 * Gap-free numbers of purchase orders (OC-2026-000001) and goods receipts (GR-2026-000001), from the
 * shared counter of (kind, year): the transaction that uses the number holds its row, so a rollback gives
 * the number back and concurrent documents wait for each other.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class PurchasingNumbers {

    public static final String ORDER = "OC";
    public static final String RECEIPT = "GR";

    @EJB
    GapFreeCounters counters;

    @EJB
    CompanyService company;

    public String next(String kind) {
        int year = LocalDate.now(company.current().zone()).getYear();
        long n = counters.next(Counter.PURCHASING, Counter.scope(kind, year));
        return String.format("%s-%d-%06d", kind, year, n);
    }
}
