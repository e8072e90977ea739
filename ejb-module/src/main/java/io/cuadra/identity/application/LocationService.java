package io.cuadra.identity.application;

import io.cuadra.identity.domain.Caller;
import io.cuadra.identity.domain.Location;
import io.cuadra.shared.domain.Conflict;
import io.cuadra.shared.domain.NotFound;
import io.cuadra.shared.domain.Versions;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.ZoneId;
import java.util.List;

/**
 * Locations of the tenant. A user assigned to some locations sees only those: another location
 * answers 404 exactly like one that does not exist.
 */
@Stateless
public class LocationService {

    @PersistenceContext(unitName = "cuadra")
    EntityManager em;

    public List<Location> listVisible() {
        Caller caller = CurrentCaller.require();
        return em.createQuery("select l from Location l order by l.code", Location.class).getResultStream()
                .filter(l -> caller.worksAt(l.getId())).toList();
    }

    public Location find(long id) {
        Location location = em.find(Location.class, id);
        if (location == null || !CurrentCaller.require().worksAt(id)) {
            throw new NotFound("No location " + id + ".").withKey("identity.location", id);
        }
        return location;
    }

    public Location create(String code, String name, String address, String phone, String email, ZoneId zone,
                           String establishment, String invoiceSeries, String receiptSeries,
                           String invoiceCreditSeries, String receiptCreditSeries) {
        boolean taken = !em.createQuery("select l.id from Location l where l.code = :c", Long.class)
                .setParameter("c", code).getResultList().isEmpty();
        if (taken) {
            throw new Conflict("There is already a location " + code + ".").withKey("identity.alreadyLocation", code);
        }
        Location location = new Location(code, name, zone);
        location.describe(name, address, phone, email, zone);
        location.useSeries(establishment, invoiceSeries, receiptSeries, invoiceCreditSeries, receiptCreditSeries);
        em.persist(location);
        em.flush();
        return location;
    }

    public Location update(long id, long expectedVersion, String name, String address, String phone, String email,
                           ZoneId zone, String establishment, String invoiceSeries, String receiptSeries,
                           String invoiceCreditSeries, String receiptCreditSeries, boolean active) {
        Location location = find(id);
        Versions.expect(expectedVersion, location.getVersion(), "Location " + location.getCode());
        location.describe(name, address, phone, email, zone);
        location.useSeries(establishment, invoiceSeries, receiptSeries, invoiceCreditSeries, receiptCreditSeries);
        location.activate(active);
        em.flush();
        return location;
    }
}
