package io.cuadra.billing.domain;

import io.cuadra.shared.domain.Money;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * How the customer pays (SUNAT "FormaPago"): cash on issue, or credit in one or more instalments with
 * their due dates. Required on every factura since SUNAT resolution 193-2020.
 */
public sealed interface PaymentTerms permits PaymentTerms.Cash, PaymentTerms.Credit {

    /** The word SUNAT expects in PaymentMeansID: "Contado" or "Credito". */
    String sunatLabel();

    static PaymentTerms cash() {
        return new Cash();
    }

    static PaymentTerms credit(List<Instalment> instalments) {
        return new Credit(instalments);
    }

    record Cash() implements PaymentTerms {
        @Override
        public String sunatLabel() {
            return "Contado";
        }
    }

    record Credit(List<Instalment> instalments) implements PaymentTerms {

        public Credit {
            instalments = List.copyOf(instalments);
            if (instalments.isEmpty()) {
                throw new IllegalArgumentException("A credit sale needs at least one instalment.");
            }
            for (int i = 1; i < instalments.size(); i++) {
                if (!instalments.get(i).dueDate().isAfter(instalments.get(i - 1).dueDate())) {
                    throw new IllegalArgumentException("Instalments must fall due in order, each after the previous"
                            + " one; instalment " + (i + 1) + " is due " + instalments.get(i).dueDate() + ".");
                }
            }
            var currency = instalments.get(0).amount().currency();
            if (instalments.stream().anyMatch(inst -> !inst.amount().currency().equals(currency))) {
                throw new IllegalArgumentException("All instalments are in one currency.");
            }
        }

        @Override
        public String sunatLabel() {
            return "Credito";
        }

        /** The net amount pending payment: the sum of the instalments. */
        public Money pendingAmount() {
            Money sum = Money.zero(instalments.get(0).amount().currency());
            for (Instalment inst : instalments) {
                sum = sum.plus(inst.amount());
            }
            return sum;
        }
    }

    /** One "Cuota": an amount due on a date. */
    record Instalment(Money amount, LocalDate dueDate) {
        public Instalment {
            Objects.requireNonNull(amount, "instalment amount");
            Objects.requireNonNull(dueDate, "instalment due date");
            if (amount.isNegative() || amount.isZero()) {
                throw new IllegalArgumentException("An instalment must be greater than zero; got " + amount + ".");
            }
        }
    }
}
