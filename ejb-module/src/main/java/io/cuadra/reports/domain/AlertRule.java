package io.cuadra.reports.domain;

import io.cuadra.shared.domain.RuleViolation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Set;

/**
 * A tenant's threshold on one location's day: net sales below an amount once the check time has come, or open
 * discrepancies above a count. Raised once per business day.
 */
public record AlertRule(long id, long locationId, String locationCode, String kind, BigDecimal threshold,
                        LocalTime checkAt, boolean active, LocalDate lastRaisedOn) implements java.io.Serializable {

    public static final Set<String> KINDS = Set.of("SALES_BELOW", "DISCREPANCIES_ABOVE");

    public AlertRule {
        if (kind == null || !KINDS.contains(kind)) {
            throw new RuleViolation("kind: " + kind + " is not one of " + KINDS + ".").withKey("reports.alertKind", kind, KINDS);
        }
        if (threshold == null || threshold.signum() < 0 || threshold.scale() > 2) {
            throw new RuleViolation("threshold: a number of zero or more with at most two decimals.").withKey("reports.threshold");
        }
        if (checkAt == null) {
            throw new RuleViolation("checkAt: the time of day from which the rule is checked (HH:mm).").withKey("reports.checkAt");
        }
    }

    /** Whether the rule is due on this location day at this local time (not raised yet that day). */
    public boolean due(LocalDate day, LocalTime now) {
        return active && !now.isBefore(checkAt) && (lastRaisedOn == null || lastRaisedOn.isBefore(day));
    }

    /** Sales crossed when under the threshold; discrepancies when above it. */
    public boolean crossedBy(BigDecimal figure) {
        return kind.equals("SALES_BELOW") ? figure.compareTo(threshold) < 0 : figure.compareTo(threshold) > 0;
    }
}
