package io.cuadra.reports.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Month-over-month / year-over-year: a report beside the same report over an earlier period. Rows of a time
 * grouping (day, week, month) are paired by position (the n-th day with the n-th day before); others by key (the
 * same location, method, item...). Each numeric figure gets its earlier value and its change in percent (null
 * when the earlier value is zero).
 */
public final class ReportComparison {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private ReportComparison() {
    }

    /** The earlier period: the one just before of the same length, or the same dates a year before. */
    public static LocalDate[] earlier(LocalDate from, LocalDate to, String against) {
        if ("year".equals(against)) {
            return new LocalDate[] {from.minusYears(1), to.minusYears(1)};
        }
        long days = ChronoUnit.DAYS.between(from, to) + 1;
        return new LocalDate[] {from.minusDays(days), from.minusDays(1)};
    }

    public static ReportResult of(ReportResult now, ReportResult before) {
        boolean overTime = List.of("day", "week", "month").contains(now.group());
        Map<String, ReportResult.Row> byKey = new HashMap<>();
        before.rows().forEach(r -> byKey.put(r.key(), r));
        List<ReportResult.Column> columns = new ArrayList<>();
        for (ReportResult.Column c : now.columns()) {
            columns.add(c);
            if (c.numeric()) {
                columns.add(new ReportResult.Column(c.key() + "Before", c.kind()));
                columns.add(new ReportResult.Column(c.key() + "ChangePercent", "PERCENT"));
            }
        }
        List<ReportResult.Row> rows = new ArrayList<>();
        for (int i = 0; i < now.rows().size(); i++) {
            ReportResult.Row row = now.rows().get(i);
            ReportResult.Row then = overTime ? (i < before.rows().size() ? before.rows().get(i) : null)
                    : byKey.get(row.key());
            rows.add(new ReportResult.Row(row.key(), row.label(), widen(now.columns(), row.values(),
                    then == null ? null : then.values())));
        }
        return new ReportResult(now.report(), now.group(), now.from(), now.to(), columns, rows,
                widen(now.columns(), now.totals(), before.totals()));
    }

    private static List<Object> widen(List<ReportResult.Column> columns, List<Object> now, List<Object> before) {
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            out.add(now.get(i));
            if (columns.get(i).numeric()) {
                Object then = before == null ? zero(columns.get(i)) : before.get(i);
                out.add(then);
                out.add(change(number(now.get(i)), number(then)));
            }
        }
        return out;
    }

    private static Object zero(ReportResult.Column c) {
        return switch (c.kind()) {
            case "COUNT" -> 0L;
            case "QUANTITY" -> BigDecimal.ZERO.setScale(3);
            default -> BigDecimal.ZERO.setScale(2);
        };
    }

    private static BigDecimal number(Object o) {
        return o == null ? BigDecimal.ZERO : o instanceof BigDecimal b ? b : new BigDecimal(o.toString());
    }

    /** (now - before) / before in percent, one decimal; null when there was nothing before. */
    static BigDecimal change(BigDecimal now, BigDecimal before) {
        if (before.signum() == 0) {
            return null;
        }
        return now.subtract(before).multiply(HUNDRED).divide(before.abs(), 1, RoundingMode.HALF_UP);
    }
}
