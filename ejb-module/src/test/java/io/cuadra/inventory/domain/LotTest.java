package io.cuadra.inventory.domain;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LotTest {

    static final UnitCost COST = UnitCost.of("1", "EUR");
    static final LocalDate TODAY = LocalDate.of(2026, 3, 10);

    static Lot lot(long id, String code, LocalDate expiresOn, LocalDate receivedOn) {
        return new Lot(id, 1, code, expiresOn, receivedOn, COST);
    }

    @Test
    void aLotExpiringOnTheBusinessDateIsStillGoodAndExpiredTheDayAfter() {
        Lot lot = lot(1, "A", TODAY, TODAY.minusMonths(3));
        assertThat(lot.isExpiredOn(TODAY)).isFalse();
        assertThat(lot.isExpiredOn(TODAY.plusDays(1))).isTrue();
        assertThat(lot.isExpiredOn(TODAY.minusDays(1))).isFalse();
    }

    @Test
    void aLotWithoutExpiryNeverExpires() {
        assertThat(lot(1, "A", null, TODAY).isExpiredOn(LocalDate.of(2999, 1, 1))).isFalse();
        assertThat(lot(1, "A", null, TODAY).expiry()).isEmpty();
    }

    @Test
    void fefoOrderIsExpiryThenReceiptThenCodeWithUndatedLotsLast() {
        Lot undatedOld = lot(1, "U", null, TODAY.minusYears(2));
        Lot lateExpiry = lot(2, "L", TODAY.plusMonths(6), TODAY.minusDays(30));
        Lot earlyExpiryNewer = lot(3, "E2", TODAY.plusMonths(1), TODAY.minusDays(5));
        Lot earlyExpiryOlderB = lot(4, "E1-B", TODAY.plusMonths(1), TODAY.minusDays(20));
        Lot earlyExpiryOlderA = lot(5, "E1-A", TODAY.plusMonths(1), TODAY.minusDays(20));

        List<Lot> lots = new ArrayList<>(List.of(undatedOld, lateExpiry, earlyExpiryNewer, earlyExpiryOlderB,
                earlyExpiryOlderA));
        lots.sort(Lot.FEFO_ORDER);

        assertThat(lots).containsExactly(earlyExpiryOlderA, earlyExpiryOlderB, earlyExpiryNewer, lateExpiry,
                undatedOld);
    }

    @Test
    void theImplicitLotHasNoExpiry() {
        Lot implicit = Lot.implicitFor(9, 1, TODAY, COST);
        assertThat(implicit.isImplicit()).isTrue();
        assertThat(implicit.expiry()).isEmpty();
        assertThatThrownBy(() -> new Lot(9, 1, Lot.IMPLICIT_CODE, TODAY, TODAY, COST))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Lot(9, 1, " ", null, TODAY, COST))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
