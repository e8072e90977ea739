package io.cuadra.it.support;

import io.cuadra.messaging.simulator.MessagingSimulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The WhatsApp and SMS providers the test domain talks to: the stand-ins, started in the test JVM before the
 * domain (port base + 87), as the run command does. Tests make them fail or rate-limit and read what they got.
 */
public final class TestMessaging {

    private static MessagingSimulator simulator;

    private TestMessaging() {
    }

    public static int port() {
        return TestEnvironment.portBase() + 87;
    }

    static List<String> domainSettings() {
        String url = ("http://localhost:" + port()).replace(":", "\\\\:");
        return List.of(
                "create-jvm-options -Dcuadra.notifications.whatsapp.url=" + url,
                "create-jvm-options -Dcuadra.notifications.sms.url=" + url,
                // a paused provider is tried again after 3 s, so a test sees it pause and resume
                "create-jvm-options -Dcuadra.notifications.breaker-pause-seconds=3",
                // the stand-ins' delivery reports come back to the test domain
                "create-jvm-options -Dcuadra.notifications.callback-url="
                        + ("http://localhost:" + (TestEnvironment.portBase() + 80)).replace(":", "\\\\:"));
    }

    public static synchronized MessagingSimulator simulator() {
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
            simulator = MessagingSimulator.onPort(port()).start();
        } catch (IOException e) {
            throw new UncheckedIOException("The messaging stand-ins cannot listen on " + port(), e);
        }
    }
}
