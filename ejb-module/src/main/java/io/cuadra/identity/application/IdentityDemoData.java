package io.cuadra.identity.application;

import io.cuadra.identity.domain.DefaultRoles;
import io.cuadra.identity.domain.Location;
import io.cuadra.shared.demo.DemoData;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;

import java.time.ZoneId;
import java.util.Set;

/**
 * Demo locations LIM01 and CUS02 and one user per default role (passwords in the README). The
 * supervisor, cashier and warehouse users work at LIM01 only, so location isolation can be tried.
 */
@Dependent
public class IdentityDemoData implements DemoData {

    public static final String DOMAIN = "@cuadra.demo";

    @EJB
    LocationService locations;

    @EJB
    UserService users;

    @Override
    public int order() {
        return 100;
    }

    @Override
    public void load(DemoTenant tenant) {
        ZoneId lima = ZoneId.of("America/Lima");
        Location lim = locations.create("LIM01", "Sede Lima - San Isidro", "Av. Javier Prado Este 1234, San Isidro",
                "+5114405500", "lima@cuadra.demo", lima, "0000", "F001", "B001", "FC01", "BC01");
        Location cus = locations.create("CUS02", "Sede Cusco - Wanchaq", "Av. de la Cultura 801, Wanchaq",
                "+5184234000", "cusco@cuadra.demo", lima, "0001", "F002", "B002", "FC02", "BC02");
        tenant.shared().put("location.LIM01", lim.getId());
        tenant.shared().put("location.CUS02", cus.getId());
        Set<Long> both = Set.of(lim.getId(), cus.getId());
        Set<Long> lima01 = Set.of(lim.getId());
        users.create("admin" + DOMAIN, "Ana", "Quispe", "+51987654321", "Admin-Cuadra-2026!",
                Set.of(DefaultRoles.ADMIN.name()), both);
        users.create("supervisor" + DOMAIN, "Sofía", "Mamani", "+51987654322", "Supervisor-Cuadra-2026!",
                Set.of(DefaultRoles.SUPERVISOR.name()), lima01);
        users.create("cajero" + DOMAIN, "Carlos", "Huamán", "+51987654323", "Cajero-Cuadra-2026!",
                Set.of(DefaultRoles.CASHIER.name()), lima01);
        users.create("almacen" + DOMAIN, "Wilmer", "Condori", "+51987654324", "Almacen-Cuadra-2026!",
                Set.of(DefaultRoles.WAREHOUSE.name()), lima01);
        users.create("contador" + DOMAIN, "Lucía", "Flores", "+51987654325", "Contador-Cuadra-2026!",
                Set.of(DefaultRoles.ACCOUNTANT.name()), both);
    }
}
