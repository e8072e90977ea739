package io.cuadra.inventory.application;

import io.cuadra.catalog.domain.Item;
import io.cuadra.identity.application.CompanyService;
import io.cuadra.inventory.domain.InventoryLot;
import io.cuadra.inventory.domain.Lot;
import io.cuadra.inventory.domain.LotOrigin;
import io.cuadra.inventory.domain.UnitCost;
import io.cuadra.shared.domain.NotFound;
import io.cuadra.shared.domain.Page;
import io.cuadra.shared.domain.RuleViolation;
import io.cuadra.shared.domain.SearchText;
import io.cuadra.shared.domain.Versions;
import io.cuadra.shared.infrastructure.CrossTenantSql;
import io.cuadra.shared.tenancy.TenantContext;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Lots of the tenant's items. Lots belong to an item, not to a location: their stock does. */
@Stateless
public class LotService {

    @PersistenceContext(unitName = "cuadra")
    EntityManager em;

    @EJB
    StockCatalog catalog;

    @EJB
    CompanyService company;

    public InventoryLot find(long id) {
        InventoryLot lot = em.find(InventoryLot.class, id);
        if (lot == null) {
            throw new NotFound("No lot " + id + ".").withKey("inventory.lot", id);
        }
        return lot;
    }

    /** A lot named by an operation's input: it must exist and belong to the item. */
    public InventoryLot ofItem(long lotId, long itemId) {
        InventoryLot lot = em.find(InventoryLot.class, lotId);
        if (lot == null || lot.getItemId() != itemId) {
            throw new RuleViolation("lotId: item " + itemId + " has no lot " + lotId + ".").withKey("inventory.itemLot", itemId, lotId);
        }
        return lot;
    }

    public Map<Long, InventoryLot> byIds(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return em.createQuery("select l from InventoryLot l where l.id in :ids", InventoryLot.class)
                .setParameter("ids", ids.stream().distinct().toList()).getResultStream()
                .collect(Collectors.toMap(InventoryLot::getId, Function.identity()));
    }

    /** Lots by expiry (undated last), optionally of one item and/or whose code starts with {@code code}. */
    public Page<InventoryLot> list(Long itemId, String code, int page, int size) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        if (itemId != null) {
            where.append(" and l.itemId = :item");
        }
        if (code != null && !code.isBlank()) {
            where.append(" and l.code like :code escape '\\'");
        }
        TypedQuery<InventoryLot> q = em.createQuery("select l from InventoryLot l" + where
                + " order by l.expiresOn nulls last, l.receivedOn, l.id", InventoryLot.class);
        TypedQuery<Long> count = em.createQuery("select count(l) from InventoryLot l" + where, Long.class);
        if (itemId != null) {
            q.setParameter("item", itemId);
            count.setParameter("item", itemId);
        }
        if (code != null && !code.isBlank()) {
            String pattern = SearchText.escapeLike(InventoryLot.normalizeCode(code)) + "%";
            q.setParameter("code", pattern);
            count.setParameter("code", pattern);
        }
        return new Page<>(q.setFirstResult(page * size).setMaxResults(size).getResultList(), count.getSingleResult(),
                page, size);
    }

    /** The lot an item without lot tracking keeps all its stock in (created the first time it is needed). */
    public InventoryLot implicitLot(long itemId) {
        Optional<InventoryLot> existing = byCode(itemId, Lot.IMPLICIT_CODE);
        if (existing.isPresent()) {
            return existing.get();
        }
        // Two first sales of a new item may race here: the database keeps the first, both use it.
        CrossTenantSql.query(em, "insert into inventory_lots (id, tenant_id, item_id, code, received_on, unit_cost, "
                        + "currency, origin, created_by, updated_by) values (nextval('cuadra_id_seq'), ?1, ?2, ?3, "
                        + "current_date, 0, ?4, 'IMPLICIT', ?5, ?5) on conflict (tenant_id, item_id, code) do nothing")
                .setParameter(1, TenantContext.require().tenantId()).setParameter(2, itemId)
                .setParameter(3, Lot.IMPLICIT_CODE).setParameter(4, company.current().currency().getCurrencyCode())
                .setParameter(5, TenantContext.actorName()).executeUpdate();
        return byCode(itemId, Lot.IMPLICIT_CODE).orElseThrow();
    }

    /**
     * The lot goods of an item arrive into (a receipt) or are found in (a count): the implicit lot for
     * an untracked item; for a tracked one the lot with that code, created when new. An existing lot
     * is returned locked, so two receipts into it average its cost one after the other.
     */
    public InventoryLot arrivalLot(Item item, String code, LocalDate expiresOn, LocalDate today, UnitCost cost,
                                   LotOrigin origin, Long originId) {
        if (!StockCatalog.lotTracked(item)) {
            if (code != null && !code.isBlank() && !Lot.IMPLICIT_CODE.equals(code.strip())) {
                throw new RuleViolation("lotCode: " + item.getCode() + " is not tracked by lot; leave the lot empty.").withKey("inventory.trackedLotLeave", item.getCode());
            }
            if (expiresOn != null) {
                throw new RuleViolation("expiresOn: " + item.getCode() + " does not track expiry dates.").withKey("inventory.doesTrackExpiry", item.getCode());
            }
            return locked(implicitLot(item.getId()));
        }
        String normalized = InventoryLot.normalizeCode(code);
        if (normalized == null) {
            throw new RuleViolation("lotCode: " + item.getCode() + " is tracked by lot; say which lot.")
                    .withKey("lot.required", item.getCode());
        }
        Optional<InventoryLot> existing = byCode(item.getId(), normalized);
        if (existing.isPresent()) {
            return locked(existing.get());
        }
        InventoryLot lot = InventoryLot.tracked(item.getId(), normalized, expiresOn, item.isTrackExpiry(), today, cost,
                origin, originId);
        em.persist(lot);
        em.flush();
        return lot;
    }

    public InventoryLot correctExpiry(long id, long expectedVersion, LocalDate expiresOn) {
        InventoryLot lot = find(id);
        Versions.expect(expectedVersion, lot.getVersion(), "Lot " + lot.getCode());
        lot.correctExpiry(expiresOn, catalog.item(lot.getItemId()).isTrackExpiry());
        em.flush();
        return lot;
    }

    /** What a lot holds in each warehouse (all warehouses; callers filter by location). */
    public List<Object[]> balances(long lotId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = CrossTenantSql.query(em, "select b.warehouse_id, b.on_hand from stock_balances b "
                        + "where b.tenant_id = ?1 and b.lot_id = ?2 order by b.warehouse_id")
                .setParameter(1, TenantContext.require().tenantId()).setParameter(2, lotId).getResultList();
        return rows;
    }

    public static BigDecimal value(BigDecimal quantity, BigDecimal unitCost) {
        return io.cuadra.shared.domain.Money.round(quantity.multiply(unitCost));
    }

    private Optional<InventoryLot> byCode(long itemId, String code) {
        return em.createQuery("select l from InventoryLot l where l.itemId = :i and l.code = :c", InventoryLot.class)
                .setParameter("i", itemId).setParameter("c", code).getResultStream().findFirst();
    }

    private InventoryLot locked(InventoryLot lot) {
        em.lock(lot, LockModeType.PESSIMISTIC_WRITE);
        return lot;
    }
}
