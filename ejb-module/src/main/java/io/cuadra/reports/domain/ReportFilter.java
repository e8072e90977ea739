package io.cuadra.reports.domain;

import io.cuadra.shared.domain.RuleViolation;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;

/**
 * What a report is asked for: a period of business days (inclusive), optionally one location and one channel,
 * how to group, and for rankings the order, direction and size.
 */
public record ReportFilter(LocalDate from, LocalDate to, Long locationId, String channel, String group,
                           String order, boolean bottom, int limit, int days) {

    /** How far ahead the expiring-lots report looks when nobody says. */
    public static final int DEFAULT_DAYS = 30;

    public ReportFilter(LocalDate from, LocalDate to, Long locationId, String channel, String group, String order,
                        boolean bottom, int limit) {
        this(from, to, locationId, channel, group, order, bottom, limit, DEFAULT_DAYS);
    }

    /** Years of daily rows are fine for the aggregates; beyond that a request is a mistake, not a report. */
    public static final int MAX_DAYS = 3 * 366;
    private static final Set<String> CHANNELS = Set.of("COUNTER", "WHATSAPP", "WEB", "SHOPIFY");

    public ReportFilter {
        if (from == null || to == null) {
            throw new RuleViolation("from: both from and to are needed.").withKey("reports.periodNeeded");
        }
        if (to.isBefore(from)) {
            throw new RuleViolation("to: " + to + " is before from " + from + ".").withKey("reports.toBeforeFrom", to, from);
        }
        if (from.plusDays(MAX_DAYS).isBefore(to)) {
            throw new RuleViolation("to: a report covers at most " + MAX_DAYS + " days.").withKey("reports.periodTooLong", MAX_DAYS);
        }
        if (channel != null && !CHANNELS.contains(channel.toUpperCase(Locale.ROOT))) {
            throw new RuleViolation("channel: " + channel + " is not one of " + CHANNELS + ".").withKey("reports.channel", channel, CHANNELS);
        }
        channel = channel == null ? null : channel.toUpperCase(Locale.ROOT);
        group = group == null ? null : group.toLowerCase(Locale.ROOT);
        order = order == null ? null : order.toLowerCase(Locale.ROOT);
        if (limit < 1 || limit > 1000) {
            throw new RuleViolation("limit: between 1 and 1000.").withKey("reports.limit");
        }
        if (days < 0 || days > 3660) {
            throw new RuleViolation("days: between 0 and 3660.").withKey("reports.days");
        }
    }

    /** The group asked for, or the report's default; anything outside the allowed ones is refused. */
    public String groupOr(String fallback, Set<String> allowed) {
        String g = group == null ? fallback : group;
        if (!allowed.contains(g)) {
            throw new RuleViolation("group: " + g + " is not one of " + allowed + ".").withKey("reports.group", g, allowed);
        }
        return g;
    }

    /** The same filter over another period (month-over-month, year-over-year). */
    public ReportFilter shifted(LocalDate newFrom, LocalDate newTo) {
        return new ReportFilter(newFrom, newTo, locationId, channel, group, order, bottom, limit, days);
    }
}
