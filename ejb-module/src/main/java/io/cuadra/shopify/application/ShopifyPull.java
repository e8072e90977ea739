package io.cuadra.shopify.application;

import io.cuadra.shared.tenancy.Actor;
import io.cuadra.shared.tenancy.TenantContext;
import io.cuadra.shopify.domain.ShopifyOrder;
import io.cuadra.shopify.domain.ShopifySettings;
import io.cuadra.shopify.infrastructure.ShopifyAdminClient;
import io.cuadra.shopify.infrastructure.ShopifyPayloads;
import io.cuadra.shopify.infrastructure.ShopifyUnavailable;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The scheduled pull: for every tenant with a connected shop, the orders updated since the last cursor
 * (Admin GraphQL API, paged), each applied exactly as a webhook would be — which catches the webhooks that
 * never arrived. The first import also brings the shop's customers and every order. Both are idempotent
 * by Shopify id; a lease in the database makes one server pull a shop at a time.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrations")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ShopifyPull {

    private static final Logger LOG = Logger.getLogger(ShopifyPull.class.getName());
    static final int PAGE = 50;
    /** Orders changed within this margin before the cursor are asked for again: clocks and commits drift. */
    static final Duration OVERLAP = Duration.ofMinutes(2);

    @Resource
    TimerService timers;

    @EJB
    ShopifySettingsService settings;

    @EJB
    ShopifySyncState state;

    @Inject
    ShopifyOrderIntake intake;

    @Inject
    @ConfigProperty(name = "cuadra.shopify.pull-seconds", defaultValue = "300")
    int pullSeconds;

    @Inject
    @ConfigProperty(name = "cuadra.shopify.lease-seconds", defaultValue = "900")
    int leaseSeconds;

    private final AtomicBoolean pulling = new AtomicBoolean();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /** What one run did. */
    public record Result(boolean ran, int orders, int customers, int throttledWaits, String summary) {
    }

    @PostConstruct
    void schedule() {
        if (pullSeconds > 0) {
            long interval = Duration.ofSeconds(pullSeconds).toMillis();
            timers.createIntervalTimer(interval, interval, new TimerConfig("shopify-pull", false));
        }
    }

    @Timeout
    void onSchedule(Timer timer) {
        if (!pulling.compareAndSet(false, true)) {
            return; // the previous run is still going
        }
        try {
            for (long tenant : state.pulledTenants()) {
                TenantContext.runAs(Actor.system(tenant, "shopify-pull"), () -> {
                    pull(false);
                });
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Shopify pull failed; the next run tries again", e);
        } finally {
            pulling.set(false);
        }
    }

    /** Pulls the current tenant's shop now; {@code firstImport} also brings customers and orders of any age. */
    public Result pull(boolean firstImport) {
        ShopifySettings shop = settings.current().orElse(null);
        if (shop == null) {
            return new Result(false, 0, 0, 0, "The Shopify connection is not configured.");
        }
        var lease = state.claim(leaseSeconds);
        if (lease.isEmpty()) {
            return new Result(false, 0, 0, 0, "Another pull of this shop is running.");
        }
        ShopifyAdminClient client = new ShopifyAdminClient(http, shop, d -> Thread.sleep(d.toMillis()));
        int orders = 0;
        int customers = 0;
        String summary;
        try {
            if (firstImport) {
                String after = null;
                ShopifyAdminClient.Page<io.cuadra.shopify.domain.ShopifyCustomer> page;
                do {
                    page = client.page(ShopifyAdminClient.CUSTOMERS_QUERY, "customers", PAGE, after, null,
                            ShopifyPayloads::customerFromGraphQl);
                    for (var c : page.items()) {
                        intake.takeCustomer(c, null);
                        customers++;
                    }
                    after = page.endCursor();
                } while (page.hasNext());
            }
            Instant cursor = firstImport ? null : lease.get().cursor();
            String filter = cursor == null ? null : "updated_at:>='"
                    + DateTimeFormatter.ISO_INSTANT.format(cursor.minus(OVERLAP)) + "'";
            String after = null;
            ShopifyAdminClient.Page<ShopifyOrder> page;
            do {
                page = client.page(ShopifyAdminClient.ORDERS_QUERY, "orders", PAGE, after, filter,
                        ShopifyPayloads::orderFromGraphQl);
                Instant newest = null;
                for (ShopifyOrder o : page.items()) {
                    intake.take(o, null);
                    orders++;
                    if (o.updatedAt() != null && (newest == null || o.updatedAt().isAfter(newest))) {
                        newest = o.updatedAt();
                    }
                }
                if (newest != null) {
                    state.advance(newest); // a pull that dies mid-way resumes from the last page done
                }
                after = page.endCursor();
            } while (page.hasNext());
            summary = "OK";
        } catch (RuntimeException e) {
            // The lease is given back whatever went wrong; what was applied stays applied (idempotent by id).
            summary = e instanceof ShopifyUnavailable ? e.getMessage() : e.getClass().getSimpleName() + ": " + e.getMessage();
            LOG.warning(() -> "Shopify pull of " + shop.shopDomain() + " stopped: " + e.getMessage());
        }
        state.finish(summary, orders, customers, client.throttledWaits());
        return new Result(true, orders, customers, client.throttledWaits(), summary);
    }
}
