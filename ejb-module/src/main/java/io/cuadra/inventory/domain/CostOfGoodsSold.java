package io.cuadra.inventory.domain;

import io.cuadra.shared.domain.Money;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Currency;

/**
 * FIFO cost of goods sold of an order line: Σ(take quantity × lot unit cost) over the lots actually
 * consumed, rounded to the cent once for the line, so that many small takes do not each lose half
 * a cent. A kit line passes the takes of all its components together.
 */
public final class CostOfGoodsSold {

    private CostOfGoodsSold() {
    }

    public static Money ofLine(Currency currency, Collection<LotTake> takes) {
        BigDecimal exact = BigDecimal.ZERO;
        for (LotTake take : takes) {
            Currency lotCurrency = take.lot().unitCost().currency();
            if (!lotCurrency.equals(currency)) {
                throw new IllegalArgumentException("Lot " + take.lot().code() + " is costed in " + lotCurrency
                        + ", the line in " + currency);
            }
            exact = exact.add(take.cost());
        }
        return Money.of(exact, currency);
    }
}
