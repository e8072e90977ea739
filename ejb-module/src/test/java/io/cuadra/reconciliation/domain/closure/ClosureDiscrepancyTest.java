package io.cuadra.reconciliation.domain.closure;

import io.cuadra.identity.domain.Location;
import io.cuadra.shared.domain.Conflict;
import io.cuadra.shared.domain.RuleViolation;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;

import static io.cuadra.reconciliation.domain.closure.SeededDay.DAY;
import static io.cuadra.reconciliation.domain.closure.SeededDay.pen;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A stored discrepancy is found again by its key, cleared when gone, reopened when back, resolved by a person. */
class ClosureDiscrepancyTest {

    private static final Instant T1 = Instant.parse("2026-11-21T04:59:00Z");
    private static final Instant T2 = Instant.parse("2026-11-21T05:30:00Z");
    private final Closure closure = new Closure(new Location("LIM-01", "Lima", ZoneId.of("America/Lima")), DAY,
            Currency.getInstance("PEN"));

    private static Discrepancy mismatch(String billed) {
        return new Discrepancy(new DiscrepancyKey(DiscrepancyType.AMOUNT_MISMATCH, DiscrepancyKey.Subject.ORDER, 4),
                4L, "A-0004", List.of(new DocumentRef(104, "F001-00000011"), new DocumentRef(105, "F001-00000012")),
                pen("200.00"), pen(billed), "Order A-0004 totals 200.00 PEN but F001-00000011 totals " + billed);
    }

    @Test
    void foundAgainItFollowsTheDataAndKeepsItsKey() {
        ClosureDiscrepancy d = new ClosureDiscrepancy(closure, mismatch("190.00"), T1);
        assertThat(d.getDifference()).isEqualByComparingTo("-10.00");
        assertThat(d.getDocumentId()).isEqualTo(104);
        assertThat(d.getDocumentNumbers()).isEqualTo("F001-00000011, F001-00000012");

        assertThat(d.seen(mismatch("195.00"), T2)).as("still open, nothing to announce").isFalse();
        assertThat(d.getActualAmount()).isEqualByComparingTo("195.00");
        assertThat(d.getFoundAt()).isEqualTo(T1);
        assertThat(d.getLastSeenAt()).isEqualTo(T2);
        assertThatThrownBy(() -> d.seen(new Discrepancy(new DiscrepancyKey(DiscrepancyType.MISSING_INVOICE,
                DiscrepancyKey.Subject.ORDER, 4), 4L, "A-0004", List.of(), pen("1"), pen("0"), "x"), T2))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void clearedWhenGoneAndOpenAgainWhenBack() {
        ClosureDiscrepancy d = new ClosureDiscrepancy(closure, mismatch("190.00"), T1);
        d.clear();
        assertThat(d.getStatus()).isEqualTo(ClosureDiscrepancy.Status.CLEARED);
        assertThat(d.seen(mismatch("190.00"), T2)).as("announced again").isTrue();
        assertThat(d.getStatus()).isEqualTo(ClosureDiscrepancy.Status.OPEN);
    }

    @Test
    void resolvedWithNotesStaysResolved() {
        ClosureDiscrepancy d = new ClosureDiscrepancy(closure, mismatch("190.00"), T1);
        assertThatThrownBy(() -> d.resolve(" ", "sup", T2)).isInstanceOf(RuleViolation.class);
        d.resolve(" Nota de débito emitida ", "sup", T2);
        assertThat(d.getStatus()).isEqualTo(ClosureDiscrepancy.Status.RESOLVED);
        assertThat(d.getResolutionNotes()).isEqualTo("Nota de débito emitida");
        assertThat(d.getResolvedBy()).isEqualTo("sup");
        assertThatThrownBy(() -> d.resolve("again", "sup", T2)).isInstanceOf(Conflict.class);
        d.clear();
        assertThat(d.seen(mismatch("190.00"), T2)).isFalse();
        assertThat(d.getStatus()).as("a person's resolution holds").isEqualTo(ClosureDiscrepancy.Status.RESOLVED);
    }
}
