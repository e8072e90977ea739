package io.cuadra.inventory.application;

import io.cuadra.identity.domain.Location;
import io.cuadra.inventory.domain.Warehouse;
import io.cuadra.shared.domain.Conflict;
import io.cuadra.shared.domain.NotFound;
import io.cuadra.shared.domain.RuleViolation;
import io.cuadra.shared.domain.Versions;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Warehouses of the locations the caller works at. */
@Stateless
public class WarehouseService {

    @PersistenceContext(unitName = "cuadra")
    EntityManager em;

    /** The API's read of the list: records built here, in this one transaction. */
    public List<WarehouseView> views(Long locationId) {
        return list(locationId).stream().map(WarehouseView::of).toList();
    }

    public WarehouseView view(long id) {
        return WarehouseView.of(find(id));
    }

    public WarehouseView createView(long locationId, String code, String name) {
        return WarehouseView.of(create(locationId, code, name));
    }

    public WarehouseView updateView(long id, long expectedVersion, String code, String name, boolean active) {
        return WarehouseView.of(update(id, expectedVersion, code, name, active));
    }

    public List<Warehouse> list(Long locationId) {
        String where = locationId == null ? "" : " where w.locationId = :location";
        var q = em.createQuery("select w from Warehouse w" + where + " order by w.locationId, w.defaultWarehouse desc, "
                + "w.code", Warehouse.class);
        if (locationId != null) {
            q.setParameter("location", locationId);
        }
        var visible = LocationScope.filter();
        return q.getResultStream().filter(w -> visible.test(w.getLocationId())).toList();
    }

    /** The locations the caller works at, or just {@code only} (404 when it is not one of them). */
    public List<Long> visibleLocationIds(Long only) {
        List<Long> visible = em.createQuery("select l.id from Location l order by l.code", Long.class).getResultStream()
                .filter(LocationScope.filter()::test).toList();
        if (only == null) {
            return visible;
        }
        if (!visible.contains(only)) {
            throw new NotFound("No location " + only + ".").withKey("identity.location", only);
        }
        return List.of(only);
    }

    /** A warehouse of a location the caller works at (404 otherwise). */
    public Warehouse find(long id) {
        Warehouse w = em.find(Warehouse.class, id);
        if (w == null || !LocationScope.visible(w.getLocationId())) {
            throw new NotFound("No warehouse " + id + ".").withKey("inventory.warehouse", id);
        }
        return w;
    }

    /** A warehouse stock may move in or out of. */
    public Warehouse usable(long id) {
        Warehouse w = find(id);
        w.requireActive();
        return w;
    }

    /** Any active warehouse of the tenant, also of a location the caller does not work at (a transfer's destination). */
    public Warehouse destination(long id) {
        Warehouse w = em.find(Warehouse.class, id);
        if (w == null) {
            throw new NotFound("No warehouse " + id + ".").withKey("inventory.warehouse", id);
        }
        w.requireActive();
        return w;
    }

    /** The codes of all the tenant's locations, for labelling warehouses. */
    public Map<Long, String> locationCodes() {
        return em.createQuery("select l from Location l", Location.class).getResultStream()
                .collect(Collectors.toMap(Location::getId, Location::getCode));
    }

    /** Every active warehouse of the tenant: where a transfer may go. */
    public List<Warehouse> destinations() {
        return em.createQuery("select w from Warehouse w where w.active = true order by w.locationId, w.code",
                Warehouse.class).getResultList();
    }

    /** Where a location's sales take their goods from; every location has one from its creation. */
    public Warehouse defaultOf(long locationId) {
        return em.createQuery("select w from Warehouse w where w.locationId = :l and w.defaultWarehouse = true",
                        Warehouse.class).setParameter("l", locationId).getResultStream().findFirst()
                .orElseThrow(() -> new NotFound("Location " + locationId + " has no default warehouse.").withKey("inventory.locationDefaultWarehouse", locationId));
    }

    /** Warehouses by id, for labelling lists (no location check: the rows were already filtered). */
    public Map<Long, Warehouse> byIds(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return em.createQuery("select w from Warehouse w where w.id in :ids", Warehouse.class)
                .setParameter("ids", ids.stream().distinct().toList()).getResultStream()
                .collect(Collectors.toMap(Warehouse::getId, Function.identity()));
    }

    public Warehouse create(long locationId, String code, String name) {
        Location location = em.find(Location.class, locationId);
        if (location == null || !LocationScope.visible(locationId)) {
            throw new RuleViolation("locationId: there is no location " + locationId + ".").withKey("inventory.location", locationId);
        }
        refuseDuplicate(locationId, Warehouse.normalizeCode(code), null);
        Warehouse w = new Warehouse(locationId, code, name);
        em.persist(w);
        em.flush();
        return w;
    }

    public Warehouse update(long id, long expectedVersion, String code, String name, boolean active) {
        Warehouse w = find(id);
        Versions.expect(expectedVersion, w.getVersion(), "Warehouse " + w.getCode());
        refuseDuplicate(w.getLocationId(), Warehouse.normalizeCode(code), w.getId());
        w.describe(code, name, active);
        em.flush();
        return w;
    }

    private void refuseDuplicate(long locationId, String code, Long self) {
        boolean taken = em.createQuery("select x.id from Warehouse x where x.locationId = :l and x.code = :c",
                        Long.class).setParameter("l", locationId).setParameter("c", code)
                .getResultStream().anyMatch(id -> !id.equals(self));
        if (taken) {
            throw new Conflict("The location already has a warehouse " + code + ".").withKey("inventory.locationAlreadyWarehouse", code);
        }
    }
}
