package io.cuadra.reconciliation.domain.cash;


import io.cuadra.reconciliation.domain.ReconciliationRuleException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Denomination sets per currency, loaded from rows of {@code currency, form, value} (a table, a
 * configuration file). Denominations are data because currencies change them (PEN withdrew the 0.05
 * coin, a new note may appear) and a tenant may not accept all of them.
 */
public final class DenominationCatalog {

    private static final String DEFAULTS = "default-denominations.csv";

    private final Map<Currency, DenominationSet> sets;

    private DenominationCatalog(Map<Currency, DenominationSet> sets) {
        this.sets = Map.copyOf(sets);
    }

    /** Reads rows of three cells: ISO currency code, NOTE or COIN, value with a dot for decimals. */
    public static DenominationCatalog fromRows(List<List<String>> rows) {
        Map<Currency, List<Denomination>> byCurrency = new LinkedHashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            Denomination d = parse(i + 1, rows.get(i));
            byCurrency.computeIfAbsent(d.currency(), c -> new ArrayList<>()).add(d);
        }
        Map<Currency, DenominationSet> sets = new LinkedHashMap<>();
        byCurrency.forEach((currency, list) -> sets.put(currency, new DenominationSet(currency, list)));
        return new DenominationCatalog(sets);
    }

    /** PEN and EUR as they circulate today, read from the bundled default-denominations.csv. */
    public static DenominationCatalog defaults() {
        try (InputStream in = DenominationCatalog.class.getResourceAsStream(DEFAULTS)) {
            if (in == null) {
                throw new IllegalStateException(DEFAULTS + " is missing from the classpath");
            }
            List<List<String>> rows = new ArrayList<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String trimmed = line.strip();
                if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
                    rows.add(Arrays.asList(trimmed.split(",", -1)));
                }
            }
            return fromRows(rows);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + DEFAULTS, e);
        }
    }

    public Optional<DenominationSet> find(Currency currency) {
        return Optional.ofNullable(sets.get(currency));
    }

    public DenominationSet forCurrency(Currency currency) {
        return find(currency).orElseThrow(() -> new ReconciliationRuleException(
                "No denominations are configured for " + currency + "; cash in " + currency + " cannot be counted."));
    }

    public List<Currency> currencies() {
        return sets.keySet().stream().sorted(Comparator.comparing(Currency::getCurrencyCode)).toList();
    }

    private static Denomination parse(int rowNumber, List<String> row) {
        if (row.size() != 3) {
            throw new IllegalArgumentException("Denomination row " + rowNumber + " needs currency, form and value; got "
                    + row);
        }
        Currency currency;
        DenominationForm form;
        BigDecimal value;
        try {
            currency = Currency.getInstance(row.get(0).strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Denomination row " + rowNumber + ": unknown currency \"" + row.get(0) + "\"", e);
        }
        try {
            form = DenominationForm.valueOf(row.get(1).strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Denomination row " + rowNumber + ": form must be NOTE or COIN, not \""
                    + row.get(1) + "\"", e);
        }
        try {
            value = new BigDecimal(row.get(2).strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Denomination row " + rowNumber + ": \"" + row.get(2)
                    + "\" is not a value like 0.50", e);
        }
        try {
            return new Denomination(currency, value, form);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Denomination row " + rowNumber + ": " + e.getMessage(), e);
        }
    }
}
