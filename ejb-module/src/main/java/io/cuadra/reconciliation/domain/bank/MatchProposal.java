package io.cuadra.reconciliation.domain.bank;

import io.cuadra.shared.domain.Money;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/** A proposed pairing of bank credits with payments, and how strongly the evidence supports it. */
public record MatchProposal(MatchShape shape, List<BankCredit> credits, List<OpenPayment> payments,
                            ScoreBreakdown breakdown) implements Serializable {

    public MatchProposal {
        Objects.requireNonNull(shape, "shape");
        Objects.requireNonNull(breakdown, "breakdown");
        credits = List.copyOf(credits);
        payments = List.copyOf(payments);
        if (credits.isEmpty() || payments.isEmpty()) {
            throw new IllegalArgumentException("A match needs credits and payments");
        }
    }

    public double score() {
        return breakdown.score();
    }

    public List<String> creditIds() {
        return credits.stream().map(BankCredit::id).toList();
    }

    public List<Long> paymentIds() {
        return payments.stream().map(OpenPayment::paymentId).toList();
    }

    public Money creditTotal() {
        return credits.stream().map(BankCredit::amount).reduce(Money::plus).orElseThrow();
    }

    public Money paymentTotal() {
        return payments.stream().map(OpenPayment::amount).reduce(Money::plus).orElseThrow();
    }

    boolean sharesAnItemWith(MatchProposal other) {
        return credits.stream().anyMatch(other.credits::contains) || payments.stream().anyMatch(other.payments::contains);
    }
}
