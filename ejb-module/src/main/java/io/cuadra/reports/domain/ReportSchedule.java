package io.cuadra.reports.domain;

import io.cuadra.shared.domain.RuleViolation;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A report with its filters, e-mailed as XLSX or PDF every day, week or month. Each run covers the last period
 * complete at the schedule's local time: yesterday, last week (Monday to Sunday) or last month, and is sent from
 * {@code sendAt} on the first day after it.
 *
 * @param filters the report's own filters as a query string (location, channel, group, order, bottom, limit, days)
 */
public record ReportSchedule(long id, String name, String report, String filters, String format, String frequency,
                             LocalTime sendAt, String timeZone, List<String> recipients, String language,
                             boolean active) {

    public static final Set<String> FORMATS = Set.of("XLSX", "PDF");
    public static final Set<String> FREQUENCIES = Set.of("DAILY", "WEEKLY", "MONTHLY");
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    public ReportSchedule {
        if (name == null || name.isBlank() || name.length() > 120) {
            throw new RuleViolation("name: between 1 and 120 characters.").withKey("reports.scheduleName");
        }
        if (format == null || !FORMATS.contains(format)) {
            throw new RuleViolation("format: XLSX or PDF.").withKey("reports.scheduleFormat", format);
        }
        if (frequency == null || !FREQUENCIES.contains(frequency)) {
            throw new RuleViolation("frequency: DAILY, WEEKLY or MONTHLY.").withKey("reports.frequency", frequency);
        }
        if (sendAt == null) {
            throw new RuleViolation("sendAt: the time of day to send it (HH:mm).").withKey("reports.sendAt");
        }
        recipients = recipients == null ? List.of() : recipients.stream().map(String::strip).filter(r -> !r.isEmpty())
                .distinct().toList();
        if (recipients.isEmpty() || recipients.size() > 20) {
            throw new RuleViolation("recipients: between 1 and 20 e-mail addresses.").withKey("reports.recipients");
        }
        for (String r : recipients) {
            if (!EMAIL.matcher(r).matches() || r.length() > 200) {
                throw new RuleViolation("recipients: " + r + " is not an e-mail address.").withKey("reports.recipient", r);
            }
        }
        name = name.strip();
        filters = filters == null ? "" : filters;
    }

    /** The last period complete on {@code today}: [start, end]. */
    public LocalDate[] period(LocalDate today) {
        return switch (frequency) {
            case "WEEKLY" -> {
                LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(1);
                yield new LocalDate[] {monday, monday.plusDays(6)};
            }
            case "MONTHLY" -> {
                YearMonth last = YearMonth.from(today).minusMonths(1);
                yield new LocalDate[] {last.atDay(1), last.atEndOfMonth()};
            }
            default -> new LocalDate[] {today.minusDays(1), today.minusDays(1)};
        };
    }

    /** Whether it is time to send at this local moment (the run of the period is claimed once, elsewhere). */
    public boolean due(LocalTime now) {
        return active && !now.isBefore(sendAt);
    }
}
