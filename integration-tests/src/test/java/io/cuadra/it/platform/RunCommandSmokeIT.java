package io.cuadra.it.platform;

import io.cuadra.server.CuadraLauncher;
import io.cuadra.server.ServerSettings;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Boots Cuadra the way the run command does (embedded PostgreSQL, domain provisioned from
 * cuadra-domain.asadmin with ${ENV=...} database settings, EAR deployed, demo data) and checks
 * health UP, then stops everything.
 */
class RunCommandSmokeIT {

    @Test
    void runCommandBringsTheApplicationToHealthUp() throws Exception {
        Path work = Path.of(System.getProperty("cuadra.it.work", "target"), "smoke");
        ServerSettings settings = new ServerSettings(work, Path.of(System.getProperty("cuadra.payara.zip")),
                Path.of(System.getProperty("cuadra.ear")), "cuadra-smoke", Integer.getInteger("cuadra.it.smoke.portbase", 29000), Optional.empty(),
                ServerSettings.DEV_DB_USER, ServerSettings.DEV_DB_PASSWORD, freePort(), "localhost", 29025, true);
        try (CuadraLauncher launcher = new CuadraLauncher(settings)) {
            long t0 = System.nanoTime();
            launcher.start();
            System.out.printf("[smoke] healthy in %.1f s%n", (System.nanoTime() - t0) / 1e9);
            HttpResponse<String> ready = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(launcher.baseUrl() + "health/ready")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(ready.statusCode()).isEqualTo(200);
            assertThat(ready.body()).contains("\"status\":\"UP\"").contains("database");
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
