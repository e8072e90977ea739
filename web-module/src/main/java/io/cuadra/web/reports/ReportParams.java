package io.cuadra.web.reports;

import io.cuadra.reports.domain.ReportFilter;
import io.cuadra.shared.domain.RuleViolation;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/** Query parameters of a report (REST, the back-office file links) read into a filter; refusals are 4xx. */
final class ReportParams {

    /** Without a period, the last 30 days up to today in Lima (the demo's and most tenants' zone). */
    static final ZoneId DEFAULT_ZONE = ZoneId.of("America/Lima");

    private ReportParams() {
    }

    static ReportFilter filter(String from, String to, String location, String channel, String group, String order,
                               String bottom, String limit) {
        return filter(from, to, location, channel, group, order, bottom, limit, null);
    }

    /** @param days how far ahead the expiring-lots report looks (30 when not given) */
    static ReportFilter filter(String from, String to, String location, String channel, String group, String order,
                               String bottom, String limit, String days) {
        LocalDate end = to == null || to.isBlank() ? LocalDate.now(DEFAULT_ZONE) : date("to", to);
        LocalDate start = from == null || from.isBlank() ? end.minusDays(29) : date("from", from);
        return new ReportFilter(start, end, number("location", location), blank(channel) ? null : channel,
                blank(group) ? null : group, blank(order) ? null : order, "true".equalsIgnoreCase(bottom),
                blank(limit) ? 20 : (int) Math.min(Integer.MAX_VALUE, number("limit", limit)),
                blank(days) ? ReportFilter.DEFAULT_DAYS : (int) Math.max(-1, Math.min(Integer.MAX_VALUE, number("days", days))));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static LocalDate date(String field, String value) {
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new RuleViolation(field + ": " + value + " is not a date (yyyy-MM-dd).");
        }
    }

    private static Long number(String field, String value) {
        if (blank(value)) {
            return null;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new RuleViolation(field + ": " + value + " is not a number.");
        }
    }
}
