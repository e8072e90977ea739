package io.cuadra.shared.tax;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Set;

/**
 * The tax a line carries, as data taken from the tenant's catalog: the percent, the SUNAT IGV
 * affectation code (catalog 07) and whether the line is taxed. Rates are never constants in code
 * because they change by law and differ by country (IGV 18%, French VAT 20/10/5.5/2.1%).
 *
 * <p>Only onerous affectations are priced at the counter: 10 (taxed), 17 (IVAP), 20 (exempt),
 * 30 (unaffected), 40 (export). The free-of-charge codes (11-16, 21, 31-37) report a reference value
 * that nobody pays and need their own treatment, so they are refused here. French tenants use the
 * same broad categories (10 taxed, 20 exempt, 30 outside the scope of VAT) so that one grouping
 * of taxable bases serves both countries.
 */
public record TaxRate(BigDecimal percent, String affectationCode, boolean taxed) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final Set<String> TAXED_CODES = Set.of("10", "17");
    private static final Set<String> UNTAXED_CODES = Set.of("20", "30", "40");

    public TaxRate {
        Objects.requireNonNull(percent, "percent");
        Objects.requireNonNull(affectationCode, "affectationCode");
        if (percent.signum() < 0 || percent.compareTo(HUNDRED) >= 0) {
            throw new IllegalArgumentException("A tax percent must be at least 0 and below 100, not " + percent);
        }
        if (percent.stripTrailingZeros().scale() > 2) {
            throw new IllegalArgumentException("A tax percent has at most two decimals, not " + percent);
        }
        percent = percent.setScale(2);
        boolean taxedCode = TAXED_CODES.contains(affectationCode);
        if (!taxedCode && !UNTAXED_CODES.contains(affectationCode)) {
            throw new IllegalArgumentException("IGV affectation code " + affectationCode
                    + " cannot be priced at the counter: use 10 or 17 (taxed), 20 (exempt), 30 (unaffected) or 40 (export)");
        }
        if (taxed != taxedCode) {
            throw new IllegalArgumentException("IGV affectation code " + affectationCode + " is "
                    + (taxedCode ? "taxed" : "not taxed") + " but the rate says the opposite");
        }
        if (taxed == (percent.signum() == 0)) {
            throw new IllegalArgumentException(taxed
                    ? "A taxed line needs a percent above 0"
                    : "A line that is not taxed has a percent of 0, not " + percent);
        }
    }

    /** The rate a line snapshot kept: whether it is taxed follows from the affectation code. */
    public static TaxRate of(BigDecimal percent, String affectationCode) {
        return new TaxRate(percent, affectationCode, TAXED_CODES.contains(affectationCode));
    }

    /** A taxed line (affectation 10) at the given percent, e.g. "18" for IGV or "5.5" for French VAT. */
    public static TaxRate taxed(String percent) {
        return new TaxRate(new BigDecimal(percent), "10", true);
    }

    /** Exempt from the tax (affectation 20, "exonerado"). */
    public static TaxRate exempt() {
        return new TaxRate(BigDecimal.ZERO, "20", false);
    }

    /** Outside the scope of the tax (affectation 30, "inafecto"). */
    public static TaxRate unaffected() {
        return new TaxRate(BigDecimal.ZERO, "30", false);
    }

    /** The percent as a fraction (18.00 gives 0.1800), exact. */
    public BigDecimal rate() {
        return percent.movePointLeft(2);
    }
}
