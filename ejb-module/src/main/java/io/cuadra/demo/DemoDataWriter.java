package io.cuadra.demo;


import io.cuadra.shared.demo.DemoData;
import io.cuadra.identity.application.TenantProvisioning;
import io.cuadra.identity.domain.Company;
import io.cuadra.shared.cluster.ClusterLocks;
import io.cuadra.shared.tenancy.Actor;
import io.cuadra.shared.tenancy.TenantContext;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Currency;

/** Writes the demo tenant and every component's demo data in one transaction. */
@Stateless
public class DemoDataWriter {

    public static final String SLUG = "demo";
    public static final ZoneId LIMA = ZoneId.of("America/Lima");

    @EJB
    TenantProvisioning tenants;

    @PersistenceContext(unitName = "cuadra")
    EntityManager em;

    @Inject
    @Any
    Instance<DemoData> contributors;

    public boolean loadOnce() {
        ClusterLocks.serialize(em, "demo-data"); // instances of a cluster start together
        if (tenants.exists(SLUG)) {
            return false;
        }
        Company company = new Company("PE", "20601030013", "Laboratorios Cuadra Demo S.A.C.",
                "Av. Javier Prado Este 1234, San Isidro", Currency.getInstance("PEN"), new BigDecimal("18.00"), LIMA);
        company.describe("20601030013", "Laboratorios Cuadra Demo S.A.C.", "Cuadra Lab",
                "Av. Javier Prado Este 1234, San Isidro", "San Isidro", "Lima", "Lima", "150131");
        long tenantId = tenants.open(SLUG, "Laboratorios Cuadra Demo", company, "system:demo");
        DemoData.DemoTenant tenant = new DemoData.DemoTenant(tenantId, SLUG, new HashMap<>());
        TenantContext.runAs(Actor.system(tenantId, "demo"), () -> contributors.stream()
                .sorted(Comparator.comparingInt(DemoData::order))
                .forEach(c -> c.load(tenant)));
        return true;
    }
}
