package io.cuadra.demo;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.logging.Logger;

/**
 * Loads the demo tenant the first time the application starts with {@code CUADRA_DEMO_DATA=true}
 * (the run command and the tests); never otherwise. Each component contributes its part.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrations")
public class DemoDataLoader {

    private static final Logger LOG = Logger.getLogger(DemoDataLoader.class.getName());

    @Inject
    @ConfigProperty(name = "cuadra.demo-data", defaultValue = "false")
    boolean enabled;

    @EJB
    DemoDataWriter writer;

    @PostConstruct
    void load() {
        if (!enabled) {
            return;
        }
        long t0 = System.nanoTime();
        boolean loaded = writer.loadOnce();
        if (loaded) {
            LOG.info(() -> String.format("Demo data loaded in %.1f s", (System.nanoTime() - t0) / 1e9));
        }
    }
}
