package io.cuadra.it.platform;

import io.cuadra.server.CuadraLauncher;
import io.cuadra.server.DevKeys;
import io.cuadra.server.ServerSettings;
import io.cuadra.server.TlsTrust;
import io.cuadra.it.support.TlsHandshake;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
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
        // The run command's public address, not the one failsafe's environment names for the Arquillian domain
        // (CUADRA_PUBLIC_URL): plain HTTP redirects to this HTTPS origin.
        System.setProperty("cuadra.public.url", "https://localhost:" + settings.httpsPort() + "/");
        try (CuadraLauncher launcher = new CuadraLauncher(settings)) {
            long t0 = System.nanoTime();
            launcher.start();
            System.out.printf("[smoke] healthy in %.1f s%n", (System.nanoTime() - t0) / 1e9);
            HttpResponse<String> ready = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(launcher.baseUrl() + "health/ready")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(ready.statusCode()).isEqualTo(200);
            assertThat(ready.body()).contains("\"status\":\"UP\"").contains("database");

            httpsRedirectHstsAndTlsVersions(settings, launcher);

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
        } finally {
            System.clearProperty("cuadra.public.url");
        }
    }

    /**
     * ops lane: the run command's default is HTTPS with a certificate generated into CUADRA_HOME (trusted here alone,
     * nothing else), plain HTTP redirected there, HSTS on HTTPS answers, the session cookie Secure, TLS 1.2 and
     * 1.3 accepted and 1.1 refused, and /metrics open to the scraper's generated password only.
     */
    private static void httpsRedirectHstsAndTlsVersions(ServerSettings settings, CuadraLauncher launcher) throws Exception {
        Path keystore = settings.keysDir().resolve(DevKeys.TLS_KEYSTORE);
        SSLContext onlyOurs = TlsTrust.only(keystore, DevKeys.TLS_PASSWORD, DevKeys.TLS_ALIAS);
        HttpClient https = HttpClient.newBuilder().sslContext(onlyOurs).followRedirects(HttpClient.Redirect.NEVER).build();
        assertThat(launcher.baseUrl()).isEqualTo("https://localhost:" + settings.httpsPort() + "/");
        HttpResponse<String> login = https.send(HttpRequest.newBuilder(URI.create(launcher.baseUrl() + "login.xhtml")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.headers().firstValue("Strict-Transport-Security").orElse("")).startsWith("max-age=");
        assertThat(login.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID=")).findFirst()
                .orElseThrow()).containsIgnoringCase("Secure");

        HttpClient plain = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        String http = "http://localhost:" + settings.httpPort() + "/";
        HttpResponse<String> page = plain.send(HttpRequest.newBuilder(URI.create(http + "login.xhtml?next=%2Forders.xhtml"))
                .build(), HttpResponse.BodyHandlers.ofString());
        System.out.printf("[smoke] GET %slogin.xhtml -> %d %s%n", http, page.statusCode(), page.headers().firstValue("Location"));
        assertThat(page.statusCode()).isEqualTo(301);
        assertThat(page.headers().firstValue("Location")).hasValue(launcher.baseUrl() + "login.xhtml?next=%2Forders.xhtml");
        assertThat(page.headers().firstValue("Strict-Transport-Security")).as("no HSTS over plain HTTP").isEmpty();
        HttpResponse<String> post = plain.send(HttpRequest.newBuilder(URI.create(http + "api/auth/login"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).as("a POST keeps its method and body: 308").isEqualTo(308);

        TlsHandshake.Answer tls11 = TlsHandshake.offer("localhost", settings.httpsPort(), 2);
        TlsHandshake.Answer tls12 = TlsHandshake.offer("localhost", settings.httpsPort(), 3);
        System.out.printf("[smoke] TLS 1.1 offered: %s; TLS 1.2 offered: %s%n", tls11.description(), tls12.description());
        assertThat(tls11.serverHello()).as("TLS 1.1 refused").isFalse();
        assertThat(tls12.serverHello()).isTrue();
        assertThat(tls12.version()).isEqualTo(0x0303);
        try (SSLSocket socket = (SSLSocket) onlyOurs.getSocketFactory().createSocket("localhost", settings.httpsPort())) {
            socket.setEnabledProtocols(new String[]{"TLSv1.3"});
            socket.startHandshake();
            assertThat(socket.getSession().getProtocol()).isEqualTo("TLSv1.3");
        }

        String token = Files.readString(settings.keysDir().resolve(DevKeys.METRICS_TOKEN_FILE)).strip();
        HttpResponse<String> anonymousMetrics = https.send(HttpRequest.newBuilder(URI.create(launcher.baseUrl() + "metrics"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(anonymousMetrics.statusCode()).as("anonymous /metrics").isEqualTo(401);
        HttpResponse<String> metrics = https.send(HttpRequest.newBuilder(URI.create(launcher.baseUrl() + "metrics"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("metrics:" + token)
                        .getBytes(StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("cuadra_orders_registered_total");
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
