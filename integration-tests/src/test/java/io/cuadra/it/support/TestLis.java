package io.cuadra.it.support;

import io.cuadra.lis.simulator.LisSimulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The laboratory system the test domain talks to: the LIS stand-in, started in the test JVM before the domain as
 * the run command does (MLLP on port base + 88, HTTP on + 92), sending results to the domain's MLLP port (+ 93).
 */
public final class TestLis {

    private static LisSimulator simulator;

    private TestLis() {
    }

    public static int mllpPort() {
        return TestEnvironment.portBase() + 88;
    }

    public static int httpPort() {
        return TestEnvironment.portBase() + 92;
    }

    /** Where the domain listens for results. */
    public static int resultsPort() {
        return TestEnvironment.portBase() + 93;
    }

    static List<String> domainSettings() {
        return List.of("create-jvm-options -Dcuadra.lab.mllp.port=" + resultsPort());
    }

    public static synchronized LisSimulator simulator() {
        if (simulator == null) {
            start();
        }
        return simulator;
    }

    static synchronized void start() {
        try {
            if (simulator != null) {
                simulator.stop();
            }
            simulator = LisSimulator.on(mllpPort(), httpPort()).resultsTo("localhost", resultsPort())
                    .requireHeader("Authorization", "Bearer lis-test-token").start();
        } catch (IOException e) {
            throw new UncheckedIOException("The LIS stand-in cannot listen on " + mllpPort() + "/" + httpPort(), e);
        }
    }
}
