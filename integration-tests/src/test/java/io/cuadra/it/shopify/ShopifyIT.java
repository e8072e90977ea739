package io.cuadra.it.shopify;

import static org.assertj.core.api.Assertions.assertThat;

import io.cuadra.it.support.Browser;
import io.cuadra.it.support.CuadraDeployment;
import io.cuadra.it.support.DemoUsers;
import io.cuadra.it.support.Http;
import io.cuadra.it.support.Http.Reply;
import io.cuadra.it.support.JsonMoney;
import io.cuadra.it.support.TestDatabase;
import io.cuadra.it.support.TestEnvironment;
import io.cuadra.it.support.TestShopify;
import io.cuadra.shopify.simulator.ShopifySimulator;
import io.cuadra.shopify.simulator.ShopifySimulator.Delivery;
import io.cuadra.shopify.simulator.SimCustomer;
import io.cuadra.shopify.simulator.SimOrder;
import io.cuadra.shopify.simulator.SimRefund;
import io.cuadra.shopify.simulator.SimShop;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Shopify on the deployed EAR with the Shopify stand-in: signed webhooks (duplicated, out of order, forged)
 * make exactly one Cuadra order each, paid and invoiced, stock taken, cancelled when the shop cancels; the
 * pull catches a webhook that never came, once, through THROTTLED answers; an unknown SKU waits in review
 * and is released by mapping it.
 */
@ExtendWith(ArquillianExtension.class)
class ShopifyIT extends CuadraDeployment {

    private static final String TOKEN = "shpat_it_token_0001";
    private static final String SECRET = "it_webhook_secret_0001";

    private final Http http = http();
    private final ShopifySimulator sim = TestShopify.simulator();

    @Test
    void signedWebhooksDuplicatedOrOutOfOrderMakeOneOrderPaidInvoicedAndCancelledAndForgedOnesStoreNothing()
            throws Exception {
        Http admin = DemoUsers.ADMIN.signIn(http);
        SimShop shop = connect(admin);

        // Forged, missing or from an unknown shop: 401 problem, nothing stored.
        SimOrder forged = shop.addOrder(null, List.of(line("LAB-GLU", 1, "15.00")), false);
        byte[] body = ("{\"id\":" + forged.id() + ",\"line_items\":[]}").getBytes(StandardCharsets.UTF_8);
        String forgedId = UUID.randomUUID().toString();
        assertThat(sim.send(shop, "orders/create", forgedId, body, ShopifySimulator.sign("guessed", body))).isEqualTo(401);
        assertThat(sim.send(shop, "orders/create", forgedId, body, null)).isEqualTo(401);
        Reply raw = http.post("api/hooks/shopify/" + shop.domain(), body, "X-Shopify-Hmac-Sha256",
                ShopifySimulator.sign(SECRET + "-old", body), "X-Shopify-Webhook-Id", forgedId,
                "X-Shopify-Topic", "orders/create");
        assertThat(raw.status()).isEqualTo(401);
        assertThat(raw.contentType()).startsWith("application/problem+json");
        Reply unknownShop = http.post("api/hooks/shopify/nobody.myshopify.com", body, "X-Shopify-Hmac-Sha256",
                ShopifySimulator.sign(SECRET, body), "X-Shopify-Webhook-Id", forgedId, "X-Shopify-Topic", "orders/create");
        assertThat(unknownShop.status()).isEqualTo(401);
        assertThat(count("select count(*) from inbox_messages where message_id = '" + forgedId + "'")).isZero();

        // The same webhook twice, then the payment: one order, paid once.
        SimCustomer ana = shop.addCustomer("ana." + unique() + "@example.pe", null, "Ana", "Web");
        SimOrder twice = shop.addOrder(ana, List.of(line("LAB-GLU", 2, "15.00")), false);
        assertThat(sim.fireOrder(shop, twice, "orders/create", Delivery.TWICE)).containsExactly(200, 200);
        long twiceOrder = awaitOrder(admin, twice.id());
        shop.pay(twice.id());
        assertThat(sim.fireOrder(shop, twice, "orders/paid", Delivery.TWICE)).containsExactly(200, 200);
        awaitTrue(() -> "PAID".equals(text("select payment_status from orders where id = " + twiceOrder)), "paid");
        JsonObject cuadra = admin.get("api/orders/" + twiceOrder).json();
        assertThat(cuadra.getString("channel")).isEqualTo("SHOPIFY");
        assertThat(JsonMoney.of(cuadra, "total")).isEqualByComparingTo("30.00");
        assertThat(count("select count(*) from orders where notes = 'Shopify " + twice.name() + "'")).isEqualTo(1);
        assertThat(count("select count(*) from order_payments where order_id = " + twiceOrder)).isEqualTo(1);
        assertThat(count("select count(*) from inbox_messages i join shopify_settings s on s.tenant_id = i.tenant_id"
                + " where s.shop_domain = '" + shop.domain() + "' and i.payload like '%" + twice.id() + "%'"))
                .as("two webhook ids stored once each").isEqualTo(2);
        awaitTrue(() -> count("select count(*) from billing_documents where order_id = " + twiceOrder) == 1,
                "the fiscal document of the paid order");

        // Paid before created (the paid webhook overtook the create): one order, paid, goods taken from stock.
        SimOrder overtaken = shop.addOrder(ana, List.of(line("INS-TUB", 2, "1.50")), true);
        assertThat(sim.paidFirst(shop, overtaken)).containsExactly(200, 200);
        long overtakenOrder = awaitOrder(admin, overtaken.id());
        awaitTrue(() -> "PAID".equals(text("select payment_status from orders where id = " + overtakenOrder)), "paid");
        Thread.sleep(1_500); // the second webhook is handled by then; it must change nothing
        assertThat(count("select count(*) from orders where notes = 'Shopify " + overtaken.name() + "'")).isEqualTo(1);
        assertThat(count("select count(*) from order_payments where order_id = " + overtakenOrder)).isEqualTo(1);
        assertThat(count("select count(*) from stock_moves where reference_type = 'ORDER' and reference_id = "
                + overtakenOrder)).as("stock taken as for any sale").isPositive();
        assertThat(text("select customer_id from orders where id = " + overtakenOrder))
                .as("the same Shopify customer is the same Cuadra customer")
                .isEqualTo(text("select customer_id from orders where id = " + twiceOrder));
        awaitTrue(() -> count("select count(*) from billing_documents where order_id = " + overtakenOrder) == 1,
                "the fiscal document");

        // Cancelled in Shopify: cancelled in Cuadra.
        shop.cancel(overtaken.id(), "customer");
        assertThat(sim.fireOrder(shop, overtaken, "orders/cancelled", Delivery.ONCE)).containsExactly(200);
        awaitTrue(() -> "CANCELLED".equals(text("select status from orders where id = " + overtakenOrder)), "cancelled");
        JsonObject status = admin.get("api/shopify/status").json();
        assertThat(status.getJsonNumber("webhooksProcessed").longValue())
                .isEqualTo(status.getJsonNumber("webhooksReceived").longValue());
    }

    @Test
    void thePullCatchesAMissedWebhookOnceThroughThrottledAnswersAndTheFirstImportBringsCustomers() throws Exception {
        Http admin = DemoUsers.ADMIN.signIn(http);
        SimShop shop = connect(admin);
        String email = "import." + unique() + "@example.pe";
        shop.addCustomer(email, null, "Importada", "Primera");
        SimOrder missed = shop.addOrder(shop.addCustomer("missed." + unique() + "@example.pe", null, "Sin", "Webhook"),
                List.of(line("LAB-HEM", 1, "35.00"), line("LAB-GLU", 1, "15.00")), true);
        sim.fireOrder(shop, missed, "orders/create", Delivery.NONE);

        Reply first = admin.post("api/shopify/pull?firstImport=true", "");
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(first.json().getString("result")).isEqualTo("OK");
        assertThat(first.json().getInt("customers")).isGreaterThanOrEqualTo(2);
        assertThat(count("select count(*) from customers where email = '" + email + "'")).isEqualTo(1);
        long order = awaitOrder(admin, missed.id());
        assertThat(text("select payment_status from orders where id = " + order)).isEqualTo("PAID");

        // Throttled twice, then answered: the pull waits and goes on; the order is still one.
        int throttledBefore = sim.throttledAnswers();
        sim.throttleNext(shop.domain(), 2);
        Reply again = admin.post("api/shopify/pull", "");
        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        assertThat(again.json().getString("result")).isEqualTo("OK");
        assertThat(again.json().getInt("throttledWaits")).isGreaterThanOrEqualTo(2);
        assertThat(sim.throttledAnswers() - throttledBefore).isEqualTo(2);
        assertThat(admin.post("api/shopify/pull?firstImport=true", "").json().getString("result")).isEqualTo("OK");
        // ... and the webhook arriving late changes nothing either.
        assertThat(sim.fireOrder(shop, missed, "orders/create", Delivery.ONCE)).containsExactly(200);
        awaitInboxDrained(admin);
        assertThat(count("select count(*) from orders where notes = 'Shopify " + missed.name() + "'")).isEqualTo(1);
        assertThat(count("select count(*) from order_payments where order_id = " + order)).isEqualTo(1);
        assertThat(count("select count(*) from customers where email = '" + email + "'")).isEqualTo(1);
        JsonObject status = admin.get("api/shopify/status").json();
        assertThat(status.get("ordersCursor")).isNotEqualTo(JsonValue.NULL);
        assertThat(status.getString("lastResult")).isEqualTo("OK");
    }

    @Test
    void anUnknownSkuWaitsInReviewWithItsReasonAndIsReleasedByMappingItAndSettingsAreGuarded() throws Exception {
        Http admin = DemoUsers.ADMIN.signIn(http);
        SimShop shop = connect(admin);
        String sku = "WEB-HEMO-" + unique();
        SimOrder odd = shop.addOrder(null, List.of(line(sku, 1, "35.00")), true);
        assertThat(sim.fireOrder(shop, odd, "orders/create", Delivery.ONCE)).containsExactly(200);
        JsonObject waiting = await(() -> admin.get("api/shopify/review").jsonStructure().asJsonArray().stream()
                .map(JsonValue::asJsonObject).filter(w -> w.getJsonNumber("shopifyId").longValue() == odd.id())
                .findFirst().orElse(null), "the order in review");
        assertThat(waiting.getString("reason")).contains("Unknown SKU").contains(sku);
        assertThat(admin.get("api/shopify/orders/" + odd.id()).status()).isEqualTo(404);

        Reply mapped = admin.post("api/shopify/sku-mappings", "{\"sku\":\"" + sku + "\",\"itemCode\":\"LAB-HEM\"}");
        assertThat(mapped.status()).as(mapped.toString()).isEqualTo(200);
        assertThat(admin.post("api/shopify/sku-mappings", "{\"sku\":\"" + sku + "\",\"itemCode\":\"NOPE-0\"}").status())
                .isEqualTo(404);
        Reply retried = admin.post("api/shopify/review/" + waiting.getJsonNumber("id").longValue() + "/retry", "");
        assertThat(retried.status()).as(retried.toString()).isEqualTo(200);
        assertThat(retried.json().getBoolean("released")).as(retried.toString()).isTrue();
        long order = awaitOrder(admin, odd.id());
        assertThat(text("select payment_status from orders where id = " + order)).isEqualTo("PAID");
        assertThat(admin.get("api/shopify/review").body()).doesNotContain(String.valueOf(odd.id()));

        // The same from the back-office page: the waiting order listed, its SKU mapped and retried there.
        String pageSku = "WEB-GLU-" + unique();
        SimOrder viaPage = shop.addOrder(null, List.of(line(pageSku, 1, "15.00")), true);
        assertThat(sim.fireOrder(shop, viaPage, "orders/create", Delivery.ONCE)).containsExactly(200);
        await(() -> admin.get("api/shopify/review").body().contains(pageSku) ? Boolean.TRUE : null, "in review");
        assertThat(admin.get("api/shopify/review").jsonStructure().asJsonArray()).hasSize(1);
        try (Browser browser = Browser.signedIn(DemoUsers.ADMIN)) {
            browser.open(TestEnvironment.baseUrl() + "settings/shopify.xhtml").waitForText("#shopify\\:waiting", pageSku);
            assertThat(browser.pageSource()).contains(shop.domain()).doesNotContain(SECRET).doesNotContain(TOKEN);
            browser.type("#shopify\\:sku", pageSku).type("#shopify\\:itemCode", "LAB-GLU")
                    .click("#shopify\\:waiting button")
                    .waitForText("#shopify\\:messages", "El pedido pasó a Cuadra.");
        }
        awaitOrder(admin, viaPage.id());

        // The secrets never leave; the cashier sees nothing of the connection; bad input is a 4xx problem.
        Reply settings = admin.get("api/shopify/settings");
        assertThat(settings.status()).isEqualTo(200);
        assertThat(settings.body()).doesNotContain(TOKEN).doesNotContain(SECRET);
        Http cashier = DemoUsers.CASHIER.signIn(http);
        assertThat(cashier.get("api/shopify/settings").status()).isEqualTo(403);
        assertThat(cashier.get("api/shopify/review").status()).isEqualTo(403);
        Reply bad = admin.put("api/shopify/settings", "{\"shopDomain\":\"no spaces allowed\",\"apiVersion\":\"2025-10\","
                + "\"locationId\":" + location() + ",\"paymentMethodCode\":\"SHOPIFY\"}");
        assertThat(bad.status()).isBetween(400, 499);
        assertThat(bad.contentType()).startsWith("application/problem+json");
    }

    /**
     * A new order is registered (numbered) in one transaction and paid in the next: a payment refused in the second
     * leaves the order registered, linked and unpaid, waiting in review; the retry pays that same order — no second
     * order, the number kept, one fiscal document.
     */
    @Test
    void aPaymentRefusedAfterTheRegistrationWaitsInReviewAndTheRetryPaysThatSameOrderOnce() throws Exception {
        Http admin = DemoUsers.ADMIN.signIn(http);
        SimShop shop = connect(admin);
        awaitInboxDrained(admin);
        String shopifyOrders = "select count(*) from orders where channel = 'SHOPIFY'";
        long before = count(shopifyOrders);
        String method = text("select p.id from payment_methods p join tenants t on t.id = p.tenant_id"
                + " where t.slug = 'demo' and p.code = 'SHOPIFY'");
        String body = "{\"code\":\"SHOPIFY\",\"name\":\"Shopify Payments\",\"kind\":\"OTHER\","
                + "\"requiresReference\":false,\"position\":90,\"active\":%s}";
        Reply off = admin.put("api/payment-methods/" + method, String.format(body, "false"), "If-Match",
                admin.get("api/payment-methods/" + method).header("ETag"));
        assertThat(off.status()).as(off.toString()).isEqualTo(200);
        SimOrder refused;
        JsonObject waiting;
        try {
            refused = shop.addOrder(null, List.of(line("LAB-GLU", 1, "15.00")), true);
            assertThat(sim.fireOrder(shop, refused, "orders/create", Delivery.ONCE)).containsExactly(200);
            waiting = await(() -> admin.get("api/shopify/review").jsonStructure().asJsonArray().stream()
                    .map(JsonValue::asJsonObject).filter(w -> w.getJsonNumber("shopifyId").longValue() == refused.id())
                    .findFirst().orElse(null), "the order in review");
        } finally {
            Reply on = admin.put("api/payment-methods/" + method, String.format(body, "true"), "If-Match",
                    admin.get("api/payment-methods/" + method).header("ETag"));
            assertThat(on.status()).as(on.toString()).isEqualTo(200);
        }
        assertThat(waiting.getString("reason")).contains("SHOPIFY");
        String linked = "select order_id from shopify_orders where shopify_id = " + refused.id();
        long order = count(linked);
        String number = text("select number from orders where id = " + order);
        assertThat(text("select payment_status from orders where id = " + order)).isNotEqualTo("PAID");

        Reply retried = admin.post("api/shopify/review/" + waiting.getJsonNumber("id").longValue() + "/retry", "");
        assertThat(retried.status()).as(retried.toString()).isEqualTo(200);
        assertThat(retried.json().getBoolean("released")).as(retried.toString()).isTrue();
        assertThat(count(linked)).isEqualTo(order);
        assertThat(text("select payment_status from orders where id = " + order)).isEqualTo("PAID");
        assertThat(text("select number from orders where id = " + order)).isEqualTo(number);
        assertThat(count(shopifyOrders) - before).as("one order, registered once").isEqualTo(1);
        assertThat(count("select count(*) from billing_documents where order_id = " + order)).isEqualTo(1);
    }

    @Test
    void oneNewCustomerRacedByFiveWebhooksIsOneCustomerUpdatesAreCopiedAndRefundsReturnExactlyTheirLinesOnce()
            throws Exception {
        Http admin = DemoUsers.ADMIN.signIn(http);
        SimShop shop = connect(admin);

        // A new Shopify customer: its customers/create and three orders' webhooks all at once (handled in parallel).
        String email = "race." + unique() + "@example.pe";
        SimCustomer racer = shop.addCustomer(email, null, "Rosa", "Carrera");
        List<SimOrder> raced = List.of(shop.addOrder(racer, List.of(line("LAB-GLU", 1, "15.00")), true),
                shop.addOrder(racer, List.of(line("LAB-GLU", 1, "15.00")), true),
                shop.addOrder(racer, List.of(line("LAB-GLU", 1, "15.00")), true));
        ExecutorService five = Executors.newFixedThreadPool(5);
        try {
            List<Callable<List<Integer>>> fires = new ArrayList<>();
            fires.add(() -> sim.fireCustomer(shop, racer, "customers/create", Delivery.ONCE));
            fires.add(() -> sim.fireCustomer(shop, racer, "customers/update", Delivery.ONCE));
            raced.forEach(o -> fires.add(() -> sim.fireOrder(shop, o, "orders/create", Delivery.ONCE)));
            for (Future<List<Integer>> f : five.invokeAll(fires)) {
                assertThat(f.get()).containsExactly(200);
            }
        } finally {
            five.shutdownNow();
        }
        for (SimOrder o : raced) {
            awaitOrder(admin, o.id());
        }
        awaitInboxDrained(admin);
        assertThat(count("select count(*) from customers where email = '" + email + "'")).as("one customer").isEqualTo(1);
        assertThat(count("select count(*) from shopify_customers where shopify_id = " + racer.id())).isEqualTo(1);
        assertThat(count("select count(distinct customer_id) from orders where notes in ('Shopify " + raced.get(0).name()
                + "', 'Shopify " + raced.get(1).name() + "', 'Shopify " + raced.get(2).name() + "')")).isEqualTo(1);
        long customerId = count("select id from customers where email = '" + email + "'");

        // customers/update copies the change; an older update arriving late does not undo it.
        String newEmail = "rosa." + unique() + "@example.pe";
        SimCustomer changed = shop.updateCustomer(racer.id(), newEmail, "+51987654321", "Rosa María", "Carrera Web");
        assertThat(sim.fireCustomer(shop, changed, "customers/update", Delivery.ONCE)).containsExactly(200);
        awaitTrue(() -> newEmail.equals(text("select email from customers where id = " + customerId)), "update copied");
        assertThat(text("select first_name || ' ' || last_name || ' ' || phone from customers where id = " + customerId))
                .isEqualTo("Rosa María Carrera Web +51987654321");
        assertThat(sim.fireCustomer(shop, racer, "customers/update", Delivery.ONCE)).containsExactly(200);
        awaitInboxDrained(admin);
        assertThat(text("select email from customers where id = " + customerId)).as("the stale update").isEqualTo(newEmail);

        // A paid, invoiced order; a partial refund of 2 of its 3 tubes, delivered twice and then again under a new
        // webhook id: one return of exactly those 2, stock back, one credit note.
        SimOrder sold = shop.addOrder(changed, List.of(line("LAB-GLU", 1, "15.00"), line("INS-TUB", 3, "1.50")), true);
        assertThat(sim.fireOrder(shop, sold, "orders/create", Delivery.ONCE)).containsExactly(200);
        long order = awaitOrder(admin, sold.id());
        awaitTrue(() -> count("select count(*) from billing_documents where order_id = " + order) == 1, "the invoice");
        SimRefund two = shop.refund(sold.id(), Map.of("INS-TUB", 2), true, null);
        assertThat(sim.fireRefund(shop, two, Delivery.TWICE)).containsExactly(200, 200);
        assertThat(sim.fireRefund(shop, two, Delivery.ONCE)).containsExactly(200);
        awaitTrue(() -> "RETURNED".equals(text("select coalesce(max(status), '-') from shopify_refunds where shopify_id = "
                + two.id())), "the refund returned");
        awaitInboxDrained(admin);
        assertThat(count("select count(*) from order_returns where order_id = " + order)).isEqualTo(1);
        assertThat(text("select string_agg(l.line_number || ':' || l.quantity::numeric(12,0) || ':' || l.damaged, ',')"
                + " from order_return_lines l join order_returns r on r.id = l.return_id where r.order_id = " + order))
                .isEqualTo("2:2:false");
        assertThat(text("select status from orders where id = " + order)).isEqualTo("PARTIALLY_RETURNED");
        assertThat(new BigDecimal(text("select returned_amount from shopify_refunds where shopify_id = " + two.id())))
                .isEqualByComparingTo("3.00");
        assertThat(new BigDecimal(text("select coalesce(sum(quantity), 0) from stock_moves where type = 'RETURN'"
                + " and reference_type = 'ORDER' and reference_id = " + order))).as("stock back")
                .isEqualByComparingTo("2");
        awaitTrue(() -> count("select count(*) from billing_documents where order_id = " + order
                + " and kind in ('CREDIT_NOTE', 'AVOIR')") == 1, "one credit note");

        // The last tube, not restocked in Shopify: back and written off as wastage. A money-only refund waits in review.
        SimRefund last = shop.refund(sold.id(), Map.of("INS-TUB", 1), false, null);
        assertThat(sim.fireRefund(shop, last, Delivery.ONCE)).containsExactly(200);
        awaitTrue(() -> "RETURNED".equals(text("select coalesce(max(status), '-') from shopify_refunds where shopify_id = "
                + last.id())), "the second refund returned");
        assertThat(count("select count(*) from order_return_lines l join order_returns r on r.id = l.return_id"
                + " where r.order_id = " + order + " and l.damaged")).isEqualTo(1);
        SimRefund money = shop.refund(sold.id(), Map.of(), true, new BigDecimal("2.00"));
        assertThat(sim.fireRefund(shop, money, Delivery.ONCE)).containsExactly(200);
        awaitTrue(() -> "REVIEW".equals(text("select coalesce(max(status), '-') from shopify_refunds where shopify_id = "
                + money.id())), "a money-only refund in review");
        assertThat(text("select reason from shopify_refunds where shopify_id = " + money.id())).contains("2.00");
        assertThat(count("select count(*) from order_returns where order_id = " + order)).isEqualTo(2);

        // The held refunds: listed (REST), applied with a reason, audited, decided once; a second one, fired through
        // the stand-in's HTTP control (as the run command's user would), dismissed from the back-office page.
        JsonObject held = await(() -> heldRefund(admin, money.id()), "the held refund listed");
        assertThat(JsonMoney.of(held, "amount")).isEqualByComparingTo("2.00");
        assertThat(held.getJsonNumber("orderId").longValue()).isEqualTo(order);
        long heldId = held.getJsonNumber("id").longValue();
        Reply blank = admin.post("api/shopify/refunds/review/" + heldId + "/decision", "{\"decision\":\"APPLY\",\"reason\":\" \"}");
        assertThat(blank.status()).as(blank.toString()).isEqualTo(400);
        assertThat(blank.contentType()).startsWith("application/problem+json");
        Http cashier = DemoUsers.CASHIER.signIn(http);
        assertThat(cashier.get("api/shopify/refunds/review").status()).isEqualTo(403);
        assertThat(cashier.post("api/shopify/refunds/review/" + heldId + "/decision",
                "{\"decision\":\"DISMISS\",\"reason\":\"no\"}").status()).isEqualTo(403);
        Reply applied = admin.post("api/shopify/refunds/review/" + heldId + "/decision",
                "{\"decision\":\"APPLY\",\"reason\":\"Credit note issued by hand\"}");
        assertThat(applied.status()).as(applied.toString()).isEqualTo(200);
        assertThat(applied.json().getString("status")).isEqualTo("APPLIED");
        assertThat(applied.json().getString("decisionReason")).isEqualTo("Credit note issued by hand");
        assertThat(admin.post("api/shopify/refunds/review/" + heldId + "/decision",
                "{\"decision\":\"DISMISS\",\"reason\":\"again\"}").status()).as("decided once").isEqualTo(409);
        assertThat(admin.post("api/shopify/refunds/review/999999999/decision",
                "{\"decision\":\"DISMISS\",\"reason\":\"none\"}").status()).isEqualTo(404);
        assertThat(heldRefund(admin, money.id())).as("no longer listed").isNull();
        assertThat(count("select count(*) from audit_log where action = 'shopify.refund-applied' and entity_id = '"
                + heldId + "'")).isEqualTo(1);

        Reply fired = new Http(sim.baseUri().resolve("/simulator/").toString()).post("orders/" + sold.id() + "/refunds",
                "{\"shop\":\"" + shop.domain() + "\",\"amount\":\"1.00\"}");
        assertThat(fired.status()).as(fired.toString()).isEqualTo(200);
        long secondId = fired.json().getJsonNumber("id").longValue();
        await(() -> heldRefund(admin, secondId), "the refund fired over HTTP held");
        try (Browser browser = Browser.signedIn(DemoUsers.ADMIN)) {
            browser.open(TestEnvironment.baseUrl() + "settings/shopify.xhtml")
                    .waitForText("#shopify\\:heldRefunds", String.valueOf(secondId))
                    .type("#shopify\\:decisionReason", "Duplicado en la tienda")
                    .click("#shopify\\:heldRefunds button.ui-button-secondary")
                    .waitForText("#shopify\\:messages", "Reembolso descartado.");
        }
        assertThat(text("select status || ' ' || decision_reason from shopify_refunds where shopify_id = " + secondId))
                .isEqualTo("DISMISSED Duplicado en la tienda");
    }

    private static JsonObject heldRefund(Http admin, long shopifyId) {
        return admin.get("api/shopify/refunds/review").jsonStructure().asJsonArray().stream().map(JsonValue::asJsonObject)
                .filter(r -> r.getJsonNumber("shopifyId").longValue() == shopifyId).findFirst().orElse(null);
    }

    /** Connects the demo tenant to a new stand-in shop (one shop per tenant: the last connected wins). */
    private SimShop connect(Http admin) throws Exception {
        Reply method = admin.post("api/payment-methods", "{\"code\":\"SHOPIFY\",\"name\":\"Shopify Payments\","
                + "\"kind\":\"OTHER\",\"requiresReference\":false,\"active\":true,\"position\":90}");
        assertThat(method.status()).as(method.toString()).isIn(201, 409);
        String domain = "it-" + unique() + ".myshopify.com";
        SimShop shop = sim.shop(domain, TOKEN, SECRET, URI.create(TestEnvironment.baseUrl() + "api/hooks/shopify/" + domain));
        Reply saved = admin.put("api/shopify/settings", "{\"shopDomain\":\"" + domain + "\",\"apiUrl\":\""
                + sim.apiUrlOf(domain) + "\",\"apiToken\":\"" + TOKEN + "\",\"webhookSecret\":\"" + SECRET
                + "\",\"apiVersion\":\"" + ShopifySimulator.API_VERSION + "\",\"locationId\":" + location()
                + ",\"paymentMethodCode\":\"SHOPIFY\"}");
        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
        assertThat(saved.json().getString("webhookSecret")).doesNotContain(SECRET);
        return shop;
    }

    private static long location() throws Exception {
        return count("select l.id from locations l join tenants t on t.id = l.tenant_id"
                + " where t.slug = 'demo' and l.code = 'LIM01'");
    }

    static SimOrder.Line line(String sku, int quantity, String price) {
        return new SimOrder.Line(sku, sku, quantity, new BigDecimal(price));
    }

    private static long awaitOrder(Http admin, long shopifyId) throws InterruptedException {
        return await(() -> {
            Reply r = admin.get("api/shopify/orders/" + shopifyId);
            return r.status() == 200 ? r.json().getJsonNumber("orderId").longValue() : null;
        }, "Shopify order " + shopifyId + " as a Cuadra order");
    }

    private static void awaitInboxDrained(Http admin) throws InterruptedException {
        await(() -> {
            JsonObject s = admin.get("api/shopify/status").json();
            return s.getJsonNumber("webhooksProcessed").longValue() == s.getJsonNumber("webhooksReceived").longValue()
                    ? Boolean.TRUE : null;
        }, "every webhook handled");
    }

    private static void awaitTrue(Supplier<Boolean> probe, String what) throws InterruptedException {
        await(() -> probe.get() ? Boolean.TRUE : null, what);
    }

    private static <T> T await(Supplier<T> probe, String what) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            T value = probe.get();
            if (value != null) {
                return value;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("Timed out waiting for " + what);
    }

    private static String unique() {
        return Long.toString(System.nanoTime() % 1_000_000_000L, 36);
    }

    static long count(String sql) {
        return Long.parseLong(text(sql));
    }

    static String text(String sql) {
        try (Connection c = TestDatabase.current().connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            assertThat(rs.next()).as(sql).isTrue();
            return rs.getString(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
