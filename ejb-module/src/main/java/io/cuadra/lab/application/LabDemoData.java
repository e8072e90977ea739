package io.cuadra.lab.application;

import io.cuadra.lab.domain.LabAdapter;
import io.cuadra.lab.infrastructure.LabStore;
import io.cuadra.shared.demo.DemoData;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The demo lab's exams (catalog services coded LAB-xxx) are lab tests coded xxx at the LIS; when the run command
 * starts its LIS stand-in ({@code cuadra.lab.demo-mllp} = host:port), LIM01 sends its orders there over MLLP, so
 * the demo orders go out and come back with results.
 */
@Dependent
public class LabDemoData implements DemoData {

    @EJB
    LabStore store;

    @Inject
    @ConfigProperty(name = "cuadra.lab.demo-mllp")
    Optional<String> demoMllp;

    @Override
    public int order() {
        return 125; // after the catalog and the locations, before the demo orders
    }

    @Override
    public void load(DemoTenant tenant) {
        store.mapServicesByCodePrefix("LAB-");
        Object lim01 = tenant.shared().get("location.LIM01");
        demoMllp.filter(a -> a.matches("[^:]+:\\d{1,5}")).ifPresent(address -> {
            if (lim01 instanceof Long location) {
                String[] hostPort = address.split(":");
                store.saveConnection(new LabStore.Connection(location, LabAdapter.MLLP, hostPort[0],
                        Integer.parseInt(hostPort[1]), null, null, null, 3000, 10000, "LIS", "LAB"));
            }
        });
    }
}
