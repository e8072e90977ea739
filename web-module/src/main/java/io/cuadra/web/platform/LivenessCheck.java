package io.cuadra.web.platform;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/** Live while the heap has room: a server that is out of memory should be restarted, not sent traffic. */
@Liveness
@ApplicationScoped
public class LivenessCheck implements HealthCheck {

    private static final double MAX_HEAP_USED = 0.95;

    @Override
    public HealthCheckResponse call() {
        Runtime rt = Runtime.getRuntime();
        long used = rt.totalMemory() - rt.freeMemory();
        double ratio = (double) used / rt.maxMemory();
        return HealthCheckResponse.named("heap")
                .status(ratio < MAX_HEAP_USED)
                .withData("usedMb", used / (1024 * 1024))
                .withData("maxMb", rt.maxMemory() / (1024 * 1024))
                .build();
    }
}
