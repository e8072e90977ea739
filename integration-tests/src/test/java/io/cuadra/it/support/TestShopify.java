package io.cuadra.it.support;

import io.cuadra.shopify.simulator.ShopifySimulator;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The Shopify stand-in the tests drive (port base + 90), started in the test JVM before the domain as the run
 * command does. Each test opens its own shop in it, pointed at the deployed Cuadra's webhook URL.
 */
public final class TestShopify {

    private static ShopifySimulator simulator;

    private TestShopify() {
    }

    public static int port() {
        return TestEnvironment.portBase() + 90;
    }

    public static synchronized ShopifySimulator simulator() {
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
            simulator = ShopifySimulator.onPort(port()).start();
        } catch (IOException e) {
            throw new UncheckedIOException("The Shopify stand-in cannot listen on " + port(), e);
        }
    }
}
