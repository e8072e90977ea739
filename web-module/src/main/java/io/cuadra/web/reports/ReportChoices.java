package io.cuadra.web.reports;

import java.util.Locale;

/**
 * The closed sets a report request chooses from, as the API reads them: each an enum, so the parameter rule
 * ({@code ApiParameters}) refuses anything else with a 400 naming the parameter and listing the values, and the
 * document declares the values. The reports themselves still speak their lower-case words ({@link #word}); which
 * group a given report takes stays the report's rule (422).
 */
public final class ReportChoices {

    private ReportChoices() {
    }

    /** Every grouping some report offers (the report's own description says which it takes). */
    public enum ReportGroup {
        DAY, WEEK, MONTH, LOCATION, CHANNEL, CASHIER, METHOD, ITEM, CATEGORY, TOP, NEW, STATUS, KIND, REJECTION,
        WAREHOUSE, LOT, REASON, SUPPLIER
    }

    /** The channel an order came in through. */
    public enum ReportChannel { COUNTER, WHATSAPP, WEB, SHOPIFY }

    /** How the item report ranks. */
    public enum ReportOrder { REVENUE, QUANTITY, MARGIN }

    /** The earlier period a report is compared with: the one just before, or the same dates a year before. */
    public enum ReportCompare { PREVIOUS, YEAR }

    /** A report file. */
    public enum ReportFormat { CSV, XLSX, PDF }

    /** The report's word for a choice; null for none. */
    public static String word(Enum<?> choice) {
        return choice == null ? null : choice.name().toLowerCase(Locale.ROOT);
    }
}
