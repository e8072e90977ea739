package io.cuadra.reconciliation.domain.closure;


import io.cuadra.reconciliation.domain.PaymentKind;
import io.cuadra.shared.domain.Money;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * The figures of one location's day: counts, what each payment method should hold, the total
 * registered with the tax authority (invoices and receipts minus credit notes) and what does not add up.
 * Lists are in a stable order (methods by kind then code, discrepancies by key) so two computations
 * over the same data compare equal.
 */
public record ClosureSummary(ClosureScope scope, int orderCount, int cancelledOrderCount, int invoiceCount,
                             int creditNoteCount, Money invoicedTotal, Money creditedTotal,
                             List<MethodTotal> expectedByMethod, List<Discrepancy> discrepancies)
        implements Serializable {

    public ClosureSummary {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(invoicedTotal, "invoicedTotal");
        Objects.requireNonNull(creditedTotal, "creditedTotal");
        expectedByMethod = List.copyOf(expectedByMethod);
        discrepancies = List.copyOf(discrepancies);
    }

    public Money registeredTotal() {
        return invoicedTotal.minus(creditedTotal);
    }

    /** Cash that should be in the drawer: every cash method, already net of change given. */
    public Money expectedCash() {
        return expectedOf(PaymentKind.CASH);
    }

    public Money expectedOf(PaymentKind kind) {
        Money sum = Money.zero(scope.currency());
        for (MethodTotal m : expectedByMethod) {
            if (m.kind() == kind) {
                sum = sum.plus(m.expected());
            }
        }
        return sum;
    }

    public List<Discrepancy> discrepanciesOf(DiscrepancyType type) {
        return discrepancies.stream().filter(d -> d.type() == type).toList();
    }

    public boolean isClean() {
        return discrepancies.isEmpty();
    }
}
