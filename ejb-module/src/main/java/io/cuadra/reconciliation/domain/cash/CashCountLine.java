package io.cuadra.reconciliation.domain.cash;

import java.math.BigDecimal;
import java.util.Objects;

/** What the cashier typed for one denomination: its value, optionally whether note or coin, and how many. */
public record CashCountLine(BigDecimal value, DenominationForm form, int count) {

    public CashCountLine {
        Objects.requireNonNull(value, "value");
    }

    public static CashCountLine of(String value, int count) {
        return new CashCountLine(new BigDecimal(value), null, count);
    }
}
