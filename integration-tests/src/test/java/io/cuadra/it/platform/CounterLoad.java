package io.cuadra.it.platform;

import io.cuadra.it.support.CounterOrders;
import io.cuadra.it.support.Http;
import io.cuadra.it.support.Http.Reply;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counter clients as a careful till would behave: each order has its own Idempotency-Key, and the till
 * sends it again (same key, same body) after a dropped connection, a 5xx or a 409 of a concurrent
 * duplicate, until the server acknowledges it. Stopping lets every client finish its current order, so
 * every key ends acknowledged.
 */
final class CounterLoad implements AutoCloseable {

    private final Http http;
    private final List<Long> locations;
    private final List<JsonObject> items;
    private final ExecutorService clients;
    private final AtomicBoolean stop = new AtomicBoolean();
    private final AtomicInteger sequence = new AtomicInteger();
    /** Idempotency-Key → id of the order the server acknowledged for it. */
    final Map<String, Long> acknowledged = new ConcurrentHashMap<>();
    /** Answers that are neither an acknowledgement nor worth retrying: each one fails the test. */
    final List<String> refused = new CopyOnWriteArrayList<>();
    final AtomicInteger retries = new AtomicInteger();

    /** Every second order is this customer's (its invoice then mailed to them), or none: all anonymous. */
    private final Long customerId;

    CounterLoad(Http admin, List<Long> locations, List<JsonObject> items, int clientCount) {
        this(admin, locations, items, clientCount, null);
    }

    CounterLoad(Http admin, List<Long> locations, List<JsonObject> items, int clientCount, Long customerId) {
        this.customerId = customerId;
        this.http = admin;
        this.locations = locations;
        this.items = items;
        this.clients = Executors.newFixedThreadPool(clientCount);
        for (int i = 0; i < clientCount; i++) {
            clients.submit(this::run);
        }
    }

    private void run() {
        while (!stop.get()) {
            int n = sequence.incrementAndGet();
            place(n, UUID.randomUUID().toString(), body(n));
        }
    }

    private void place(int n, String key, String body) {
        while (true) {
            try {
                Reply r = http.post("api/orders", body, "Idempotency-Key", key, "Accept", "application/json");
                if (r.status() == 201 || r.status() == 200) {
                    acknowledged.put(key, r.json().getJsonNumber("id").longValue());
                    return;
                }
                // The application answers problem+json; anything else (Payara's 404 page while the application
                // is not deployed yet) comes from a server still starting, and is retried like a 5xx.
                boolean application = String.valueOf(r.contentType()).startsWith("application/problem+json");
                if (application && r.status() != 409 && r.status() < 500) {
                    refused.add("order " + n + " key " + key + ": " + r);
                    return;
                }
            } catch (RuntimeException down) {
                // connection refused or reset (the server is down or restarting), or an unreadable answer of a
                // half-started one: sent again like after a 5xx
            }
            retries.incrementAndGet();
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Three services paid by Yape and cash (as OrderLoadBenchmark), alternating locations. */
    private String body(int n) {
        String sale = CounterOrders.paidSale(n, locations.get(n % locations.size()), items, "CR");
        return customerId == null || n % 2 == 1 ? sale : "{\"customerId\":" + customerId + "," + sale.substring(1);
    }

    /** The ids of the locations the signed-in user sells at. */
    static List<Long> locations(Http admin) {
        return admin.get("api/locations").jsonStructure().asJsonArray().stream()
                .map(v -> v.asJsonObject().getJsonNumber("id").longValue()).toList();
    }

    static List<JsonObject> services(Http admin) {
        return admin.get("api/catalog/items?type=SERVICE&active=true&size=50").json().getJsonArray("items")
                .stream().map(JsonValue::asJsonObject).limit(3).toList();
    }

    /** Waits until at least {@code count} orders are acknowledged in all. */
    void awaitAcknowledged(int count, long timeoutSeconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        while (acknowledged.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
    }

    /** Lets every client finish (acknowledge) its current order, then stops them. */
    @Override
    public void close() throws InterruptedException {
        stop.set(true);
        clients.shutdown();
        if (!clients.awaitTermination(5, TimeUnit.MINUTES)) {
            clients.shutdownNow();
            throw new IllegalStateException("counter clients still retrying after 5 minutes");
        }
    }
}
