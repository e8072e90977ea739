package io.cuadra.it.platform;

import io.cuadra.server.CuadraLauncher;
import io.cuadra.server.DevKeys;
import io.cuadra.server.ServerSettings;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Boots Cuadra the way the run command does (embedded PostgreSQL, domain provisioned from
 * cuadra-domain.asadmin with ${ENV=...} database settings, EAR deployed, demo data) and checks
 * health UP, then stops everything. The admin listener is opened to every interface
 * (CUADRA_ADMIN_ADDRESS=0.0.0.0): the run command then turns secure admin on with a generated password,
 * and anonymous administration is refused from this machine's other address and from loopback alike.
 */
class RunCommandSmokeIT {

    @Test
    void runCommandBringsTheApplicationToHealthUp() throws Exception {
        Path work = Path.of(System.getProperty("cuadra.it.work", "target"), "smoke");
        ServerSettings settings = new ServerSettings(work, Path.of(System.getProperty("cuadra.payara.zip")),
                Path.of(System.getProperty("cuadra.ear")), "cuadra-smoke", Integer.getInteger("cuadra.it.smoke.portbase", 29000), Optional.empty(),
                ServerSettings.DEV_DB_USER, ServerSettings.DEV_DB_PASSWORD, freePort(), "localhost", 29025, true,
                "0.0.0.0");
        try (CuadraLauncher launcher = new CuadraLauncher(settings)) {
            long t0 = System.nanoTime();
            launcher.start();
            System.out.printf("[smoke] healthy in %.1f s%n", (System.nanoTime() - t0) / 1e9);
            HttpResponse<String> ready = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(launcher.baseUrl() + "health/ready")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(ready.statusCode()).isEqualTo(200);
            assertThat(ready.body()).contains("\"status\":\"UP\"").contains("database");

            String password = DevKeys.adminPassword(settings.keysDir().resolve(DevKeys.ADMIN_PASSWORD_FILE));
            List<String> hosts = new ArrayList<>(List.of("127.0.0.1"));
            AdminProbe.externalAddress().map(InetAddress::getHostAddress).ifPresent(hosts::add);
            for (String host : hosts) {
                for (String path : List.of(AdminProbe.VERSION, AdminProbe.LIST_APPLICATIONS)) {
                    URI uri = URI.create("https://" + host + ":" + settings.adminPort() + "/" + path);
                    assertThat(AdminProbe.httpsStatus(uri, null)).as("anonymous GET " + uri).isEqualTo(401);
                    assertThat(AdminProbe.httpsStatus(uri, "not-" + password)).as("wrong password " + uri).isEqualTo(401);
                }
            }
            // The generated password opens it: the refusals above are about credentials, not a dead listener.
            URI version = URI.create("https://" + hosts.get(hosts.size() - 1) + ":" + settings.adminPort() + "/"
                    + AdminProbe.VERSION);
            assertThat(AdminProbe.httpsStatus(version, password)).as("GET " + version + " as admin").isEqualTo(200);
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
