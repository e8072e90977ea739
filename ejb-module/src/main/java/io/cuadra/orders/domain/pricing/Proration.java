package io.cuadra.orders.domain.pricing;

import io.cuadra.shared.domain.Money;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Splits an order-level amount over the lines in proportion to their amounts, to the currency's minor unit
 * (the cent, the whole Chilean peso), so that the shares add up to the amount exactly (largest remainder
 * method). Each line first gets its share rounded down; the units left over go one each to the lines with the largest dropped fractions, and between
 * equal fractions to the earlier line, so the same order always splits the same way.
 */
final class Proration {

    private Proration() {
    }

    /**
     * @param amount  what to split; at most the sum of the weights, so no share exceeds its weight
     * @param weights the line amounts, not negative, in line order
     */
    static List<Money> prorate(Money amount, List<Money> weights) {
        BigInteger totalWeight = weights.stream().map(Proration::cents).reduce(BigInteger.ZERO, BigInteger::add);
        BigInteger toSplit = cents(amount);
        if (toSplit.signum() < 0 || toSplit.compareTo(totalWeight) > 0) {
            throw new IllegalArgumentException("Cannot prorate " + amount + " over lines worth " + centsToMoney(totalWeight, amount));
        }
        List<Money> shares = new ArrayList<>(weights.size());
        if (toSplit.signum() == 0) {
            weights.forEach(w -> shares.add(Money.zero(amount.currency())));
            return shares;
        }
        BigInteger[] floors = new BigInteger[weights.size()];
        BigInteger[] remainders = new BigInteger[weights.size()];
        BigInteger allocated = BigInteger.ZERO;
        for (int i = 0; i < weights.size(); i++) {
            // share = amount x weight / total weight, in cents; remainder / total weight is the dropped fraction
            BigInteger[] division = toSplit.multiply(cents(weights.get(i))).divideAndRemainder(totalWeight);
            floors[i] = division[0];
            remainders[i] = division[1];
            allocated = allocated.add(division[0]);
        }
        int leftOver = toSplit.subtract(allocated).intValueExact(); // fewer cents than lines
        IntStream.range(0, weights.size()).boxed()
                .sorted(Comparator.comparing((Integer i) -> remainders[i]).reversed().thenComparing(i -> i))
                .limit(leftOver)
                .forEach(i -> floors[i] = floors[i].add(BigInteger.ONE));
        for (BigInteger share : floors) {
            shares.add(centsToMoney(share, amount));
        }
        return shares;
    }

    private static BigInteger cents(Money money) {
        return money.amount().movePointRight(Money.digits(money.currency())).toBigIntegerExact();
    }

    private static Money centsToMoney(BigInteger cents, Money like) {
        return Money.of(new BigDecimal(cents, Money.digits(like.currency())), like.currency());
    }
}
