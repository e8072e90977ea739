package io.cuadra.it.support;

import io.cuadra.server.DevKeys;
import io.cuadra.sunat.simulator.SunatSimulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The SUNAT the test domain talks to: the simulator, started in the test JVM before the domain (port base
 * + 89), and the development signing certificate the domain signs with. Tests stop and restart the
 * simulator (an outage with refused connections) or make it answer exceptions ({@code simulateOutage}).
 */
public final class TestSunat {

    private static SunatSimulator simulator;

    private TestSunat() {
    }

    public static int port() {
        return TestEnvironment.portBase() + 89;
    }

    public static String endpoint() {
        return "http://localhost:" + port() + SunatSimulator.BILL_SERVICE_PATH;
    }

    public static Path keysDir() {
        return Path.of(System.getProperty("cuadra.it.work", "target"), "it-keys").toAbsolutePath();
    }

    public static Path keystore() {
        return keysDir().resolve(DevKeys.SIGNING_KEYSTORE);
    }

    /** The asadmin commands that point the test domain at this simulator and certificate. */
    static List<String> domainSettings() throws IOException {
        DevKeys.ensureSigningKeystore(keysDir());
        return List.of(
                // asadmin separates JVM options with ':'; in a multimode file the escape itself is escaped.
                "create-jvm-options -Dcuadra.sunat.endpoint=" + endpoint().replace(":", "\\\\:"),
                "create-jvm-options -Dcuadra.signing.keystore=" + keystore().toString().replace(":", "\\\\:"),
                "create-jvm-options -Dcuadra.signing.password=" + DevKeys.SIGNING_PASSWORD,
                "create-jvm-options -Dcuadra.signing.alias=" + DevKeys.SIGNING_ALIAS,
                // Quick retries, so the tests see exceptions retried within seconds.
                "create-jvm-options -Dcuadra.outbox.poll-seconds=1",
                "create-jvm-options -Dcuadra.outbox.backoff-base-seconds=1",
                "create-jvm-options -Dcuadra.outbox.backoff-max-seconds=4",
                "create-jvm-options -Dcuadra.outbox.lease-seconds=20");
    }

    public static synchronized SunatSimulator simulator() {
        if (simulator == null) {
            start();
        }
        return simulator;
    }

    /** Starts the simulator (again) on its fixed port. */
    public static synchronized void start() {
        try {
            if (simulator != null) {
                simulator.stop();
            }
            simulator = SunatSimulator.onPort(port()).start();
        } catch (IOException e) {
            throw new UncheckedIOException("The SUNAT simulator cannot listen on " + port(), e);
        }
    }

    /** Stops it: the domain's calls meet a refused connection, as when SUNAT is down. */
    public static synchronized void stop() {
        if (simulator != null) {
            simulator.stop();
        }
    }
}
