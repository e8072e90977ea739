package io.cuadra.purchasing.domain;

import io.cuadra.shared.domain.AccessDenied;
import io.cuadra.shared.domain.Conflict;
import io.cuadra.shared.domain.RuleViolation;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PurchasingTest {

    private static Supplier supplier() {
        return new Supplier("PE", "20100070970", "Distribuidora Médica S.A.C.");
    }

    private static PurchaseOrder order() {
        PurchaseOrder o = new PurchaseOrder("OC-2026-000001", supplier(), 1, 2, "PEN");
        o.replaceLines(List.of(line(11, "10", "2.50"), line(12, "4", "10.333333")));
        return o;
    }

    private static PurchaseLineDraft line(long item, String qty, String cost) {
        return new PurchaseLineDraft(item, new BigDecimal(qty), new BigDecimal(cost), new BigDecimal("18"));
    }

    @Test
    void aSupplierMayHaveNoTaxIdButAGivenOneIsStillChecked() {
        assertThat(new Supplier("CL", null, "Feria Lo Valledor").getTaxId()).isNull();
        assertThat(new Supplier("PE", "  ", "Bodega sin RUC").getTaxId()).isNull();
        assertThatThrownBy(() -> new Supplier("PE", "20100070971", "X")).isInstanceOf(RuleViolation.class);
        assertThatThrownBy(() -> new Supplier("XX1", null, "X")).hasMessageContaining("two-letter");
        // Chile and Mexico check theirs by the country's rule, as an opened company's.
        assertThat(new Supplier("CL", "76.086.428-5", "Distribuidora").getTaxId()).isEqualTo("760864285");
        assertThatThrownBy(() -> new Supplier("CL", "76.086.428-4", "X")).hasMessageContaining("RUT check character");
        assertThat(new Supplier("MX", "SAT970701NN3", "Proveedor").getTaxId()).isEqualTo("SAT970701NN3");
        assertThatThrownBy(() -> new Supplier("MX", "SAT970701NN4", "X")).isInstanceOf(RuleViolation.class);
    }

    @Test
    void aPeruvianSupplierHasAValidRucCheckedByTheCustomersRule() {
        assertThat(new Supplier("PE", "20 100-070-970", "X").getTaxId()).isEqualTo("20100070970");
        assertThatThrownBy(() -> new Supplier("PE", "20100070971", "X")).isInstanceOf(RuleViolation.class)
                .hasMessageContaining("check digit should be 0");
        assertThatThrownBy(() -> new Supplier("PE", "1234", "X")).hasMessageContaining("exactly 11 digits");
        assertThat(new Supplier("FR", " fr 40 303265045 ", "Y").getTaxId()).as("a VAT number, its key checked")
                .isEqualTo("FR40303265045");
        assertThatThrownBy(() -> new Supplier("FR", "!x", "Y")).isInstanceOf(RuleViolation.class);
        assertThatThrownBy(() -> new Supplier("FR", "FR41303265045", "Y")).as("a wrong VAT key")
                .isInstanceOf(RuleViolation.class);
        assertThat(new Supplier("US", "12-3456789", "Z").getTaxId()).as("no pack: free text").isEqualTo("12-3456789");
        assertThatThrownBy(() -> new Supplier("Peru", "20100070970", "Y")).hasMessageContaining("two-letter");
        Supplier s = supplier();
        assertThatThrownBy(() -> s.reachAt(null, "no-es-correo", null, null)).isInstanceOf(RuleViolation.class);
        s.annotate(null, false);
        assertThatThrownBy(() -> new PurchaseOrder("OC-1", s, 1, 2, "PEN")).isInstanceOf(RuleViolation.class);
    }

    @Test
    void linesSnapshotTaxAndTotalsAreToTheCent() {
        PurchaseOrder o = order();
        assertThat(o.getLines()).extracting(PurchaseOrderLine::getLineNo).containsExactly(1, 2);
        assertThat(o.getLines().get(1).subtotal()).isEqualByComparingTo("41.33");
        assertThat(o.subtotal()).isEqualByComparingTo("66.33");
        assertThat(o.taxTotal()).isEqualByComparingTo("11.94");
        assertThat(o.total()).isEqualByComparingTo("78.27");
        assertThatThrownBy(() -> line(1, "1.0001", "1")).isInstanceOf(RuleViolation.class);
        assertThatThrownBy(() -> line(1, "0", "1")).isInstanceOf(RuleViolation.class);
        assertThatThrownBy(() -> line(1, "1", "0.0000001")).isInstanceOf(RuleViolation.class);
    }

    @Test
    void statusFollowsWhatArrives() {
        PurchaseOrder o = order();
        PurchaseOrderLine first = o.getLines().get(0);
        PurchaseOrderLine second = o.getLines().get(1);
        assertThatThrownBy(() -> o.receive(first, BigDecimal.ONE, false)).isInstanceOf(Conflict.class)
                .hasMessageContaining("DRAFT");
        o.place(Instant.EPOCH);
        assertThat(o.getStatus()).isEqualTo(PurchaseOrderStatus.ORDERED);
        assertThatThrownBy(() -> o.replaceLines(List.of())).isInstanceOf(Conflict.class);
        o.receive(first, new BigDecimal("10"), false);
        assertThat(o.getStatus()).isEqualTo(PurchaseOrderStatus.PARTIALLY_RECEIVED);
        assertThatThrownBy(() -> o.cancel("ya no", Instant.EPOCH)).isInstanceOf(Conflict.class);
        o.receive(second, new BigDecimal("4"), false);
        assertThat(o.getStatus()).isEqualTo(PurchaseOrderStatus.RECEIVED);
        assertThat(second.pending()).isZero();
        assertThatThrownBy(() -> o.receive(second, BigDecimal.ONE, true)).isInstanceOf(Conflict.class);
    }

    @Test
    void receivingMoreThanOrderedNeedsApproval() {
        PurchaseOrder o = order();
        o.place(Instant.EPOCH);
        PurchaseOrderLine first = o.getLines().get(0);
        assertThatThrownBy(() -> o.receive(first, new BigDecimal("10.5"), false)).isInstanceOf(AccessDenied.class)
                .hasMessageContaining("0.5 more than ordered").hasMessageContaining("purchasing:approve");
        PurchaseOrder approved = order();
        approved.place(Instant.EPOCH);
        approved.receive(approved.getLines().get(0), new BigDecimal("12"), true);
        assertThat(approved.getLines().get(0).getQuantityReceived()).isEqualByComparingTo("12");
        assertThat(approved.getStatus()).isEqualTo(PurchaseOrderStatus.PARTIALLY_RECEIVED);
    }

    @Test
    void onlyADraftWithLinesIsPlacedAndCancellingNeedsAReason() {
        PurchaseOrder empty = new PurchaseOrder("OC-2", supplier(), 1, 2, "PEN");
        assertThatThrownBy(() -> empty.place(Instant.EPOCH)).isInstanceOf(RuleViolation.class);
        assertThatThrownBy(() -> empty.cancel(" ", Instant.EPOCH)).isInstanceOf(RuleViolation.class);
        empty.cancel("Proveedor sin stock", Instant.EPOCH);
        assertThat(empty.getStatus()).isEqualTo(PurchaseOrderStatus.CANCELLED);
        assertThatThrownBy(() -> empty.describe(null, "x", null)).isInstanceOf(Conflict.class);
        assertThatThrownBy(empty::requireReceivable).isInstanceOf(Conflict.class);
    }
}
