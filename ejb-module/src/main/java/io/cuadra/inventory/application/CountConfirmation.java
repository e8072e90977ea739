package io.cuadra.inventory.application;

import io.cuadra.inventory.domain.CountAdjustment;
import io.cuadra.inventory.domain.CountCoverage;
import io.cuadra.inventory.domain.CountLine;
import io.cuadra.inventory.domain.CountSheet;
import io.cuadra.inventory.domain.LotStock;
import io.cuadra.inventory.domain.MoveReference;
import io.cuadra.inventory.domain.Quantity;
import io.cuadra.inventory.domain.StockCount;
import io.cuadra.inventory.domain.StockCountStatus;
import io.cuadra.inventory.domain.StockKey;
import io.cuadra.inventory.domain.StockPolicy;
import io.cuadra.inventory.infrastructure.MultiRowSql;
import io.cuadra.shared.domain.Conflict;
import io.cuadra.shared.infrastructure.CrossTenantSql;
import io.cuadra.shared.tenancy.TenantContext;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the confirmation job runs: the whole count applied in one transaction — sheet compared with
 * the locked book ({@link CountSheet}), one ADJUSTMENT per lot that differs, the book kept on each
 * line — with progress reported from separate short transactions as the adjustments are written.
 */
@Stateless
public class CountConfirmation {

    /** Adjustments written between two progress reports. */
    static final int PROGRESS_STEP = 1_000;

    @PersistenceContext(unitName = "cuadra")
    EntityManager em;

    @EJB
    StockKeeper keeper;

    @EJB
    InventorySettingsService settings;

    @EJB
    CountProgress progress;

    public int apply(long countId) {
        StockCount count = em.find(StockCount.class, countId);
        if (count == null || count.getStatus() != StockCountStatus.CONFIRMING) {
            throw new Conflict("Count " + countId + " is not waiting for its confirmation.").withKey("inventory.countWaitingConfirmation", countId);
        }
        long warehouseId = count.getWarehouseId();
        long tenant = TenantContext.require().tenantId();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = CrossTenantSql.query(em, "select id, item_id, lot_id, counted from stock_count_lines "
                        + "where tenant_id = ?1 and count_id = ?2 order by item_id, lot_id")
                .setParameter(1, tenant).setParameter(2, countId).getResultList();
        List<CountLine> lines = new ArrayList<>(rows.size());
        List<StockKey> keys = new ArrayList<>(rows.size());
        Map<Long, Long> lineOfLot = new HashMap<>();
        for (Object[] r : rows) {
            long item = StockKeeper.longOf(r[1]);
            long lot = StockKeeper.longOf(r[2]);
            lines.add(new CountLine(item, lot, Quantity.of((BigDecimal) r[3])));
            keys.add(new StockKey(warehouseId, item, lot));
            lineOfLot.put(lot, StockKeeper.longOf(r[0]));
        }
        LockedStock stock = count.getCoverage() == CountCoverage.COMPLETE
                ? keeper.lockWarehouse(warehouseId, keys)
                : keeper.lock(keys.stream().map(k -> new WarehouseItem(k.warehouseId(), k.itemId())).toList(), keys);
        List<LotStock> book = stock.lotsIn(warehouseId);
        List<CountAdjustment> adjustments = new CountSheet(warehouseId, count.getCoverage(), lines)
                .adjustmentsAgainst(book);

        List<Object[]> books = new ArrayList<>(rows.size());
        for (LotStock s : book) {
            Long line = lineOfLot.get(s.lot().id());
            if (line != null) {
                books.add(new Object[]{line, s.onHand().value()});
            }
        }
        MultiRowSql.execute(em, "update stock_count_lines as c set book = v.b from (values ",
                "(cast({} as bigint), cast({} as numeric))", ") as v(id, b) where c.id = v.id", new Object[0], books);

        StockPolicy policy = settings.current().policy();
        progress.report(countId, adjustments.size(), 0);
        int done = 0;
        for (CountAdjustment adjustment : adjustments) {
            LotStock lot = stock.lot(adjustment.key()).orElseThrow();
            stock.apply(adjustment.toMove(), lot.lot().unitCost(), new MoveReference(MoveReference.Type.COUNT, countId,
                    lineOfLot.get(adjustment.key().lotId())), "Physical count", policy);
            if (++done % PROGRESS_STEP == 0) {
                keeper.write(stock);
                progress.report(countId, adjustments.size(), done);
            }
        }
        keeper.write(stock);
        progress.report(countId, adjustments.size(), done);
        count.confirmed(adjustments.size(), TenantContext.actorName(), Instant.now());
        em.flush();
        return adjustments.size();
    }

    /** Puts a count whose confirmation failed back to OPEN, with the reason; nothing of it was written. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void fail(long countId, String reason) {
        StockCount count = em.find(StockCount.class, countId);
        if (count != null && count.getStatus() == StockCountStatus.CONFIRMING) {
            count.failed(reason);
            progress.report(countId, 0, 0);
        }
    }
}
