package io.cuadra.reconciliation.domain.cash;


import io.cuadra.reconciliation.domain.ReconciliationRuleException;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The notes and coins of one currency that a cashier counts, largest first (notes before coins of equal value). */
public record DenominationSet(Currency currency, List<Denomination> denominations) implements Serializable {

    private static final Comparator<Denomination> LARGEST_FIRST = Comparator.comparing(Denomination::value).reversed()
            .thenComparing(Denomination::form);

    public DenominationSet {
        Objects.requireNonNull(currency, "currency");
        if (denominations.isEmpty()) {
            throw new IllegalArgumentException("A denomination set for " + currency + " needs at least one denomination");
        }
        Set<Denomination> seen = new HashSet<>();
        for (Denomination d : denominations) {
            if (!d.currency().equals(currency)) {
                throw new IllegalArgumentException(d + " does not belong to the " + currency + " set");
            }
            if (!seen.add(d)) {
                throw new IllegalArgumentException(d + " is listed twice in the " + currency + " set");
            }
        }
        List<Denomination> sorted = new ArrayList<>(denominations);
        sorted.sort(LARGEST_FIRST);
        denominations = List.copyOf(sorted);
    }

    public Optional<Denomination> find(BigDecimal value, DenominationForm form) {
        return denominations.stream()
                .filter(d -> d.value().compareTo(value) == 0 && d.form() == form)
                .findFirst();
    }

    /**
     * The denomination a count line names. The form may be left out when the value alone is
     * unambiguous (PEN has no 5.00 note, only the coin).
     */
    public Denomination resolve(BigDecimal value, DenominationForm form) {
        List<Denomination> candidates = denominations.stream()
                .filter(d -> d.value().compareTo(value) == 0 && (form == null || d.form() == form))
                .toList();
        if (candidates.isEmpty()) {
            String what = value.toPlainString() + (form == null ? "" : " " + form.name().toLowerCase(Locale.ROOT));
            throw new ReconciliationRuleException(what + " is not a " + currency + " denomination; " + currency
                    + " has " + describe() + ".");
        }
        if (candidates.size() > 1) {
            throw new ReconciliationRuleException(value.toPlainString() + " " + currency
                    + " exists as a note and as a coin; say which one was counted.");
        }
        return candidates.get(0);
    }

    private String describe() {
        List<String> parts = new ArrayList<>();
        for (DenominationForm form : DenominationForm.values()) {
            String values = denominations.stream().filter(d -> d.form() == form)
                    .map(d -> d.value().toPlainString()).collect(Collectors.joining(", "));
            if (!values.isEmpty()) {
                parts.add(form.plural() + " of " + values);
            }
        }
        return String.join(" and ", parts);
    }
}
