package io.cuadra.it.orders;

import io.cuadra.it.support.JsonMoney;
import io.cuadra.it.support.CuadraDeployment;
import io.cuadra.it.support.DemoUsers;
import io.cuadra.it.support.Http;
import io.cuadra.it.support.Http.Reply;
import io.cuadra.it.support.OtherTenant;
import io.cuadra.it.support.StockInvariants;
import io.cuadra.it.support.TenantIsolation;
import io.cuadra.it.support.TestDatabase;
import io.cuadra.it.support.TestLocations;
import io.cuadra.it.support.TestEnvironment;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Orders and payments against the deployed EAR: totals to the cent, discount approval, the status
 * machine, partial and mixed payments, card fees, cash change, cancellation with refunds, idempotency
 * keys, ETags, tenant and location isolation, events rolled back with the payment, and 2,000 orders
 * registered concurrently at one location with contiguous numbers.
 *
 * <p>The deployment is the built EAR plus {@link PaymentProbe} in its ejb jar: an OrderPaid observer
 * that refuses or crashes on magic payment references, standing in for inventory and billing.
 */
@ExtendWith(ArquillianExtension.class)
class OrdersIT {

    private static final AtomicInteger SEQ = new AtomicInteger();
    private static final ConcurrentHashMap<String, Http> SIGNED_IN = new ConcurrentHashMap<>();

    private final Http http = new Http(TestEnvironment.baseUrl());

    /**
     * The built EAR with the probe in its ejb jar, under a name of its own: the archive is written to
     * the temporary directory before it is deployed, where a same-named one of another run may come and go.
     */
    @Deployment(testable = false, name = "cuadra")
    public static EnterpriseArchive earWithProbe() {
        EnterpriseArchive ear = ShrinkWrap.create(EnterpriseArchive.class, "cuadra-orders-"
                + UUID.randomUUID().toString().substring(0, 8) + ".ear").merge(CuadraDeployment.cuadraEar());
        String ejbJar = "cuadra-ejb.jar";
        JavaArchive patched = ShrinkWrap.create(JavaArchive.class, ejbJar)
                .merge(ear.getAsType(JavaArchive.class, ejbJar))
                .addClass(PaymentProbe.class);
        ear.delete(ejbJar);
        return ear.addAsModule(patched);
    }

    /**
     * Paid orders take goods out and cancellations put them back: whatever these tests did, the stock
     * ledger still equals the balances (runs before the deployment and the database go away).
     */
    @AfterAll
    static void theStockLedgerStillEqualsTheBalances() throws Exception {
        StockInvariants.assertStockInvariants();
    }

    // --- totals ---------------------------------------------------------------------------------------

    @Test
    void taxedAndExemptLinesWithPercentAndFixedDiscountsReconcileToTheCent() throws Exception {
        Http cashier = signIn(DemoUsers.CASHIER);
        long maria = customerId(cashier, "45871236");
        int visits = cashier.get("api/customers/" + maria).json().getInt("visitCount");

        // LAB-HEM 35.00 (IGV 18% included) with 10% off, LAB-COV 45.00 exempt, then 2.00 off the order:
        // 31.50 and 45.00 share the 2.00 as 0.82 and 1.18 (largest remainder), 30.68 = 26.00 + 4.68 IGV
        Reply r = cashier.post("api/orders", "{\"locationId\":" + lim01() + ",\"customerId\":" + maria
                + ",\"lines\":[{\"itemCode\":\"LAB-HEM\",\"quantity\":1,\"discounts\":[{\"kind\":\"PERCENT\","
                + "\"value\":10,\"reason\":\"Campaña\"}]},{\"itemCode\":\"LAB-COV\",\"quantity\":1}],"
                + "\"discounts\":[{\"kind\":\"AMOUNT\",\"value\":2.00,\"reason\":\"Redondeo\"}]}");
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        JsonObject o = r.json();
        assertThat(o.getString("number")).matches("LIM01-\\d{4}-\\d{6}");
        assertThat(r.header("Location")).endsWith("/api/orders/" + o.getJsonNumber("id").longValue());
        assertThat(r.header("ETag")).isEqualTo("\"" + o.getInt("version") + "\"");
        assertThat(amount(o, "subtotal")).isEqualByComparingTo("80.00");
        assertThat(amount(o, "discountTotal")).isEqualByComparingTo("5.50");
        assertThat(amount(o, "baseTotal")).isEqualByComparingTo("69.82");
        assertThat(amount(o, "taxTotal")).isEqualByComparingTo("4.68");
        assertThat(amount(o, "total")).isEqualByComparingTo("74.50");
        assertThat(amount(o, "balanceDue")).isEqualByComparingTo("74.50");
        assertThat(o.getString("paymentStatus")).isEqualTo("PENDING");
        assertThat(o.getString("status")).isEqualTo("REGISTERED");
        assertThat(o.getString("customerName")).isEqualTo("María González Quispe");

        JsonObject hem = o.getJsonArray("lines").getJsonObject(0);
        JsonObject covid = o.getJsonArray("lines").getJsonObject(1);
        assertThat(hem.getString("itemName")).isEqualTo("Hemograma completo");
        assertThat(hem.getString("unitCode")).isEqualTo("ZZ");
        assertThat(amount(hem, "lineDiscountTotal")).isEqualByComparingTo("3.50");
        assertThat(amount(hem, "orderDiscountShare")).isEqualByComparingTo("0.82");
        assertThat(amount(hem, "base")).isEqualByComparingTo("26.00");
        assertThat(amount(hem, "tax")).isEqualByComparingTo("4.68");
        assertThat(amount(hem, "unitValue")).isEqualByComparingTo("29.66"); // 35.00 / 1.18, as the base is rounded
        assertThat(covid.getString("affectationCode")).isEqualTo("20");
        assertThat(amount(covid, "base")).isEqualByComparingTo("43.82");
        assertThat(amount(covid, "tax")).isEqualByComparingTo("0.00");
        JsonArray taxes = o.getJsonArray("taxTotals");
        assertThat(taxes).hasSize(2);
        assertThat(taxes.getJsonObject(0).getString("affectationCode")).isEqualTo("10");
        assertThat(amount(taxes.getJsonObject(0), "base")).isEqualByComparingTo("26.00");
        assertThat(amount(taxes.getJsonObject(1), "base")).isEqualByComparingTo("43.82");
        assertThat(o.getJsonArray("discounts").getJsonObject(0).getString("appliedBy")).isEqualTo(DemoUsers.CASHIER.email);

        long id = o.getJsonNumber("id").longValue();
        assertThat(single("select sum(total) from order_lines where order_id = " + id)).isEqualTo("74.50");
        assertThat(single("select sum(base) + sum(tax) from order_lines where order_id = " + id)).isEqualTo("74.50");
        assertThat(single("select total from orders where id = " + id)).isEqualTo("74.50");
        assertThat(cashier.get("api/customers/" + maria).json().getInt("visitCount")).as("one more visit")
                .isEqualTo(visits + 1);
        // xmin names the transaction that wrote a row; an audit line keeps the id of the one that wrote it
        // (written_in_xact: sealing after commit rewrites the line, hence its xmin): it must be the order's own
        String sameXact = "a.written_in_xact % 4294967296 = ";
        assertThat(count("select count(*) from audit_log a join orders o on a.entity_id = o.id::text"
                + " where a.entity_type = 'Order' and a.action = 'order.created' and o.id = " + id + " and " + sameXact
                + "o.xmin::text::bigint")).as("audited in the transaction that registered the order").isEqualTo(1);
        assertThat(count("select count(*) from audit_log a join order_lines l on a.entity_id = l.id::text"
                + " where a.entity_type = 'OrderLine' and l.order_id = " + id + " and " + sameXact
                + "l.xmin::text::bigint")).as("its lines too").isEqualTo(2);
    }

    @Test
    void linesAreRefusedWhenTheyNameNoSellableItemOrABadQuantity() {
        Http cashier = signIn(DemoUsers.CASHIER);
        Reply unknown = cashier.post("api/orders", order(lim01(), "\"itemCode\":\"NO-SUCH\",\"quantity\":1", ""));
        assertThat(unknown.status()).as(unknown.toString()).isEqualTo(422);
        assertThat(unknown.json().getString("detail")).contains("lines[0]").contains("NO-SUCH");
        Reply tooPrecise = cashier.post("api/orders", order(lim01(), "\"itemCode\":\"LAB-HEM\",\"quantity\":1.0001", ""));
        assertThat(tooPrecise.status()).isEqualTo(400);
        Reply none = cashier.post("api/orders", "{\"locationId\":" + lim01() + ",\"lines\":[]}");
        assertThat(none.status()).isEqualTo(400);
        assertThat(none.contentType()).startsWith("application/problem+json");
    }

    // --- discounts ------------------------------------------------------------------------------------

    @Test
    void discountsAboveTheThresholdNeedSomeoneWhoMayApprove() throws Exception {
        Http cashier = signIn(DemoUsers.CASHIER);
        Http supervisor = signIn(DemoUsers.SUPERVISOR);
        String note = "aprobación " + SEQ.incrementAndGet();
        String deep = "{\"locationId\":" + lim01() + ",\"notes\":\"" + note + "\",\"lines\":[{\"itemCode\":\"LAB-LIP\","
                + "\"quantity\":1,\"discounts\":[{\"kind\":\"PERCENT\",\"value\":15,\"reason\":\"Amigo\"}]}]}";

        Reply refused = cashier.post("api/orders", deep);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
        assertThat(refused.json().getString("detail")).contains("orders:approve");
        assertThat(count("select count(*) from orders where notes = '" + note + "'")).as("nothing created").isZero();

        Reply approved = supervisor.post("api/orders", deep);
        assertThat(approved.status()).as(approved.toString()).isEqualTo(201);
        JsonObject discount = approved.json().getJsonArray("discounts").getJsonObject(0);
        assertThat(discount.getString("approvedBy")).isEqualTo(DemoUsers.SUPERVISOR.email);
        assertThat(amount(discount, "amount")).isEqualByComparingTo("9.00"); // 15% of 60.00

        // a fixed amount is judged by its effective percent: 6.01 of 60.00 is 10.02%
        Reply plain = cashier.post("api/orders", order(lim01(), "\"itemCode\":\"LAB-LIP\",\"quantity\":1", ""));
        long id = plain.json().getJsonNumber("id").longValue();
        String grant = "{\"lineNumber\":1,\"kind\":\"AMOUNT\",\"value\":6.01,\"reason\":\"Cliente frecuente\"}";
        Reply byCashier = cashier.post("api/orders/" + id + "/discounts", grant, "If-Match", plain.header("ETag"));
        assertThat(byCashier.status()).as(byCashier.toString()).isEqualTo(403);
        Reply small = cashier.post("api/orders/" + id + "/discounts",
                "{\"kind\":\"AMOUNT\",\"value\":6.00,\"reason\":\"Redondeo\"}", "If-Match", plain.header("ETag"));
        assertThat(small.status()).as("10% exactly needs no approval: " + small).isEqualTo(200);
        assertThat(small.json().getJsonArray("discounts").getJsonObject(0).containsKey("approvedBy")).isFalse();
        Reply bySupervisor = supervisor.post("api/orders/" + id + "/discounts", grant, "If-Match", small.header("ETag"));
        assertThat(bySupervisor.status()).as(bySupervisor.toString()).isEqualTo(200);
        assertThat(amount(bySupervisor.json(), "total")).isEqualByComparingTo("47.99"); // 60.00 - 6.01 - 6.00
        assertThat(bySupervisor.json().getJsonArray("discounts").getJsonObject(1).getString("approvedBy"))
                .isEqualTo(DemoUsers.SUPERVISOR.email);

        // the threshold is the tenant's setting
        Http admin = signIn(DemoUsers.ADMIN);
        Reply settings = admin.get("api/order-settings");
        Reply raised = admin.put("api/order-settings", "{\"discountApprovalPercent\":20}", "If-Match",
                settings.header("ETag"));
        assertThat(raised.status()).as(raised.toString()).isEqualTo(200);
        try {
            Reply nowAllowed = cashier.post("api/orders", deep);
            assertThat(nowAllowed.status()).as(nowAllowed.toString()).isEqualTo(201);
        } finally {
            assertThat(admin.put("api/order-settings", "{\"discountApprovalPercent\":10}", "If-Match",
                    raised.header("ETag")).status()).isEqualTo(200);
        }
        assertThat(cashier.put("api/order-settings", "{\"discountApprovalPercent\":90}", "If-Match", "\"0\"").status())
                .as("a cashier does not change settings").isEqualTo(403);
    }

    // --- status ---------------------------------------------------------------------------------------

    @Test
    void theStatusMovesStepByStepAndIllegalTransitionsAre409() {
        Http cashier = signIn(DemoUsers.CASHIER);
        Reply created = cashier.post("api/orders", order(lim01(), "\"itemCode\":\"LAB-GLU\",\"quantity\":1", ""));
        long id = created.json().getJsonNumber("id").longValue();

        Reply skip = cashier.put("api/orders/" + id + "/status", "{\"status\":\"COMPLETED\"}", "If-Match",
                created.header("ETag"));
        assertThat(skip.status()).as(skip.toString()).isEqualTo(409);
        assertThat(skip.contentType()).startsWith("application/problem+json");
        assertThat(skip.json().getString("detail")).contains("cannot go from REGISTERED to COMPLETED");
        Reply cancelByStatus = cashier.put("api/orders/" + id + "/status", "{\"status\":\"CANCELLED\"}", "If-Match",
                created.header("ETag"));
        assertThat(cancelByStatus.status()).isEqualTo(422);

        Reply inProcess = cashier.put("api/orders/" + id + "/status",
                "{\"status\":\"IN_PROCESS\",\"notes\":\"Muestra tomada\"}", "If-Match", created.header("ETag"));
        assertThat(inProcess.status()).as(inProcess.toString()).isEqualTo(200);
        Reply done = cashier.put("api/orders/" + id + "/status", "{\"status\":\"COMPLETED\"}", "If-Match",
                inProcess.header("ETag"));
        assertThat(done.status()).isEqualTo(200);
        Reply back = cashier.put("api/orders/" + id + "/status", "{\"status\":\"IN_PROCESS\"}", "If-Match",
                done.header("ETag"));
        assertThat(back.status()).isEqualTo(409);
        Reply cancelDone = cashier.post("api/orders/" + id + "/cancel", "{\"reason\":\"Error\"}", "If-Match",
                done.header("ETag"));
        assertThat(cancelDone.status()).as("a completed order needs a credit note").isEqualTo(409);

        JsonArray history = cashier.get("api/orders/" + id).json().getJsonArray("history");
        assertThat(history.getValuesAs(JsonObject.class)).extracting(h -> h.getString("toStatus"))
                .containsExactly("REGISTERED", "IN_PROCESS", "COMPLETED");
        assertThat(history.getJsonObject(1).getString("fromStatus")).isEqualTo("REGISTERED");
        assertThat(history.getJsonObject(1).getString("notes")).isEqualTo("Muestra tomada");
        assertThat(history.getJsonObject(1).getString("changedBy")).isEqualTo(DemoUsers.CASHIER.email);
    }

    // --- payments -------------------------------------------------------------------------------------

    @Test
    void partialAndMixedPaymentsWithCardFeeAndCashChangeNeverExceedTheTotal() throws Exception {
        Http cashier = signIn(DemoUsers.CASHIER);
        // LAB-LIP 60.00 + LAB-GLU 15.00 = 75.00
        Reply created = cashier.post("api/orders", order(lim01(), "\"itemCode\":\"LAB-LIP\",\"quantity\":1},"
                + "{\"itemCode\":\"LAB-GLU\",\"quantity\":1", ""));
        long id = created.json().getJsonNumber("id").longValue();

        Reply transfer = cashier.post("api/orders/" + id + "/payments",
                "{\"methodCode\":\"TRANSFERENCIA\",\"amount\":\"20.00\",\"reference\":\"BCP-1\"}");
        assertThat(transfer.status()).as(transfer.toString()).isEqualTo(201);
        assertThat(transfer.json().getJsonObject("order").getString("paymentStatus")).isEqualTo("PARTIAL");
        assertThat(amount(transfer.json().getJsonObject("order"), "balanceDue")).isEqualByComparingTo("55.00");
        assertThat(transfer.header("ETag")).isEqualTo("\"" + transfer.json().getJsonObject("order").getInt("version") + "\"");

        Reply noReference = cashier.post("api/orders/" + id + "/payments", "{\"methodCode\":\"YAPE\",\"amount\":\"5\"}");
        assertThat(noReference.status()).isEqualTo(422);
        assertThat(noReference.json().getString("detail")).contains("reference");
        Reply overCard = cashier.post("api/orders/" + id + "/payments",
                "{\"methodCode\":\"VISA\",\"amount\":\"55.01\",\"reference\":\"A-1\"}");
        assertThat(overCard.status()).as("above the balance").isEqualTo(422);
        assertThat(overCard.json().getString("detail")).contains("more than the balance due of 55.00");
        Reply unknown = cashier.post("api/orders/" + id + "/payments", "{\"methodCode\":\"BITCOIN\",\"amount\":\"1\"}");
        assertThat(unknown.status()).isEqualTo(422);

        // Niubiz 3.99% + 0.50: 30.00 x 3.99% + 0.50 = 1.697 -> 1.70, net 28.30
        Reply card = cashier.post("api/orders/" + id + "/payments",
                "{\"methodCode\":\"VISA\",\"amount\":\"30.00\",\"reference\":\"AUT-778\"}");
        assertThat(card.status()).as(card.toString()).isEqualTo(201);
        JsonObject cardPayment = card.json().getJsonObject("payment");
        assertThat(cardPayment.getString("cardProvider")).isEqualTo("Niubiz");
        assertThat(amount(cardPayment, "cardFee")).isEqualByComparingTo("1.70");
        assertThat(amount(cardPayment, "netAmount")).isEqualByComparingTo("28.30");
        assertThat(amount(cardPayment, "cardFeePercent")).isEqualByComparingTo("3.99");

        // 25.00 due; the customer hands over 50.00 in cash
        Reply cash = cashier.post("api/orders/" + id + "/payments", "{\"methodCode\":\"EFECTIVO\",\"amount\":\"50.00\"}");
        assertThat(cash.status()).as(cash.toString()).isEqualTo(201);
        JsonObject cashPayment = cash.json().getJsonObject("payment");
        assertThat(amount(cashPayment, "amount")).isEqualByComparingTo("25.00");
        assertThat(amount(cashPayment, "tendered")).isEqualByComparingTo("50.00");
        assertThat(amount(cashPayment, "change")).isEqualByComparingTo("25.00");
        JsonObject paid = cash.json().getJsonObject("order");
        assertThat(paid.getString("paymentStatus")).isEqualTo("PAID");
        assertThat(amount(paid, "paidTotal")).isEqualByComparingTo("75.00");
        assertThat(amount(paid, "changeTotal")).isEqualByComparingTo("25.00");
        assertThat(paid.containsKey("paidAt")).isTrue();

        Reply more = cashier.post("api/orders/" + id + "/payments", "{\"methodCode\":\"EFECTIVO\",\"amount\":\"1.00\"}");
        assertThat(more.status()).isEqualTo(422);
        assertThat(more.json().getString("detail")).contains("already paid");
        JsonArray payments = (JsonArray) cashier.get("api/orders/" + id + "/payments").jsonStructure();
        assertThat(payments.getValuesAs(JsonObject.class)).extracting(p -> p.getString("methodCode"))
                .containsExactly("TRANSFERENCIA", "VISA", "EFECTIVO");
        assertThat(single("select sum(amount) from order_payments where order_id = " + id)).isEqualTo("75.00");
        assertThat(single("select sum(tendered) - sum(change_given) from order_payments where order_id = " + id))
                .as("what stays in the drawer and accounts").isEqualTo("75.00");
        assertThat(single("select payment_status || ' ' || (paid_at is not null) from orders where id = " + id))
                .isEqualTo("PAID true");

        // cash for an exact part of the balance, with change from what was tendered
        Reply split = cashier.post("api/orders", order(lim01(), "\"itemCode\":\"LAB-GLU\",\"quantity\":1",
                ",\"payments\":[{\"methodCode\":\"EFECTIVO\",\"amount\":\"5.00\",\"tendered\":\"20.00\"},"
                        + "{\"methodCode\":\"PLIN\",\"amount\":\"10.00\",\"reference\":\"PL-9\"}]"));
        assertThat(split.status()).as(split.toString()).isEqualTo(201);
        assertThat(split.json().getString("paymentStatus")).isEqualTo("PAID");
        assertThat(amount(split.json().getJsonArray("payments").getJsonObject(0), "change")).isEqualByComparingTo("15.00");
    }

    @Test
    void cancellingAPaidOrderRecordsRefundsAndNeedsPaymentsCancel() throws Exception {
        Http cashier = signIn(DemoUsers.CASHIER);
        Http supervisor = signIn(DemoUsers.SUPERVISOR);
        Reply paid = cashier.post("api/orders", order(lim01(), "\"itemCode\":\"LAB-HEM\",\"quantity\":2",
                ",\"payments\":[{\"methodCode\":\"VISA\",\"amount\":\"40.00\",\"reference\":\"AUT-9\"},"
                        + "{\"methodCode\":\"EFECTIVO\",\"amount\":\"50.00\"}]"));
        assertThat(paid.status()).as(paid.toString()).isEqualTo(201);
        long id = paid.json().getJsonNumber("id").longValue();
        assertThat(paid.json().getString("paymentStatus")).isEqualTo("PAID");

        Reply noReason = supervisor.post("api/orders/" + id + "/cancel", "{\"reason\":\" \"}", "If-Match",
                paid.header("ETag"));
        assertThat(noReason.status()).isEqualTo(400);
        Reply byCashier = cashier.post("api/orders/" + id + "/cancel", "{\"reason\":\"Desistió\"}", "If-Match",
                paid.header("ETag"));
        assertThat(byCashier.status()).as("giving money back needs payments:cancel").isEqualTo(403);
        Reply cancelled = supervisor.post("api/orders/" + id + "/cancel", "{\"reason\":\"Paciente desistió\"}",
                "If-Match", paid.header("ETag"));
        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
        JsonObject o = cancelled.json();
        assertThat(o.getString("status")).isEqualTo("CANCELLED");
        assertThat(o.getString("cancelReason")).isEqualTo("Paciente desistió");
        assertThat(amount(o, "refundedTotal")).isEqualByComparingTo("70.00");
        assertThat(o.getJsonArray("refunds").getValuesAs(JsonObject.class))
                .extracting(f -> f.getString("methodCode") + " " + amount(f, "amount").setScale(2).toPlainString())
                .containsExactly("VISA 40.00", "EFECTIVO 30.00");
        assertThat(single("select sum(amount) from order_refunds where order_id = " + id)).isEqualTo("70.00");
        assertThat(supervisor.post("api/orders/" + id + "/payments", "{\"methodCode\":\"EFECTIVO\",\"amount\":\"1\"}")
                .status()).as("a cancelled order takes no payments").isEqualTo(409);
        assertThat(supervisor.post("api/orders/" + id + "/cancel", "{\"reason\":\"otra vez\"}", "If-Match",
                cancelled.header("ETag")).status()).isEqualTo(409);

        Reply unpaid = cashier.post("api/orders", order(lim01(), "\"itemCode\":\"LAB-GLU\",\"quantity\":1", ""));
        Reply cancelUnpaid = cashier.post("api/orders/" + unpaid.json().getJsonNumber("id").longValue() + "/cancel",
                "{\"reason\":\"Duplicada\"}", "If-Match", unpaid.header("ETag"));
        assertThat(cancelUnpaid.status()).as("a cashier cancels an unpaid order").isEqualTo(200);
        assertThat(cancelUnpaid.json().getJsonArray("refunds")).isEmpty();
    }

    // --- events in the transaction --------------------------------------------------------------------

    @Test
    void whenAnOrderPaidObserverFailsNothingOfThePaymentIsCommitted() throws Exception {
        Http cashier = signIn(DemoUsers.CASHIER);
        Reply created = cashier.post("api/orders", order(lim01(), "\"itemCode\":\"LAB-GLU\",\"quantity\":1", ""));
        long id = created.json().getJsonNumber("id").longValue();
        String key = UUID.randomUUID().toString();

        // a payment that leaves the order partly paid fires no OrderPaid: it commits
        assertThat(cashier.post("api/orders/" + id + "/payments", "{\"methodCode\":\"YAPE\",\"amount\":\"5.00\","
                + "\"reference\":\"YP-1\"}").status()).isEqualTo(201);
        // the one that pays it in full is refused by the observer: 409, and nothing of it stays
        Reply refused = cashier.post("api/orders/" + id + "/payments", "{\"methodCode\":\"TRANSFERENCIA\","
                + "\"amount\":\"10.00\",\"reference\":\"" + PaymentProbe.REFUSE + "\"}", "Idempotency-Key", key);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.json().getString("detail")).contains("probe observer refuses");
        assertThat(count("select count(*) from order_payments where order_id = " + id)).isEqualTo(1);
        assertThat(single("select payment_status || ' ' || paid_total || ' ' || (paid_at is null) from orders"
                + " where id = " + id)).isEqualTo("PARTIAL 5.00 true");
        assertThat(count("select count(*) from idempotency_keys where idempotency_key = '" + key + "'")).isZero();
        assertThat(count("select count(*) from audit_log where entity_type = 'OrderPayment' and changes like '%" + PaymentProbe.REFUSE + "%'"))
                .as("no audit line of the rolled-back payment").isZero();

        // a crashing observer: 500 with an incident id, no stack trace, nothing committed either
        Reply crashed = cashier.post("api/orders", order(lim01(), "\"itemCode\":\"LAB-GLU\",\"quantity\":1",
                ",\"notes\":\"probe crash\",\"payments\":[{\"methodCode\":\"YAPE\",\"amount\":\"15.00\",\"reference\":\""
                        + PaymentProbe.CRASH + "\"}]"));
        assertThat(crashed.status()).as(crashed.toString()).isEqualTo(500);
        assertThat(crashed.json().getString("detail")).contains("Incident").doesNotContain("IllegalStateException");

        // registration rolled back with its payment, so its number was given back: numbers stay contiguous
        long before = sequenceOf(created.json().getString("number"));
        Reply next = cashier.post("api/orders", order(lim01(), "\"itemCode\":\"LAB-GLU\",\"quantity\":1", ""));
        assertThat(sequenceOf(next.json().getString("number"))).isGreaterThan(before);
        assertThat(count("select count(*) from orders where notes = 'probe crash'")).isZero();
        long lim = lim01();
        assertThat(count("select count(*) from orders where location_id = " + lim + " and year = "
                + "(select max(year) from orders where location_id = " + lim + ")"))
                .as("no gap at LIM01").isEqualTo(count("select max(sequence) from orders where location_id = " + lim
                        + " and year = (select max(year) from orders where location_id = " + lim + ")"));

        // and the order can still be paid, with the same key: the refused request stored nothing
        Reply fine = cashier.post("api/orders/" + id + "/payments", "{\"methodCode\":\"TRANSFERENCIA\","
                + "\"amount\":\"10.00\",\"reference\":\"OP-2\"}", "Idempotency-Key", key);
        assertThat(fine.status()).as(fine.toString()).isEqualTo(201);
        assertThat(fine.json().getJsonObject("order").getString("paymentStatus")).isEqualTo("PAID");
    }

    // --- idempotency ----------------------------------------------------------------------------------

    @Test
    void anIdempotencyKeyReplaysTheOriginalResponseAndRefusesAnotherBody() throws Exception {
        Http cashier = signIn(DemoUsers.CASHIER);
        String note = "idem " + SEQ.incrementAndGet();
        String body = order(lim01(), "\"itemCode\":\"LAB-GLU\",\"quantity\":1", ",\"notes\":\"" + note + "\"");
        String key = UUID.randomUUID().toString();

        Reply first = cashier.post("api/orders", body, "Idempotency-Key", key);
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(first.header("Idempotent-Replayed")).isNull();
        // the same request again, written with other spacing: the same response, nothing new
        Reply again = cashier.post("api/orders", body.replace(",", ", "), "Idempotency-Key", key);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(again.header("Location")).isEqualTo(first.header("Location"));
        assertThat(again.header("ETag")).isEqualTo(first.header("ETag"));
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(count("select count(*) from orders where notes = '" + note + "'")).isEqualTo(1);

        Reply other = cashier.post("api/orders", body.replace("LAB-GLU", "LAB-HEM"), "Idempotency-Key", key);
        assertThat(other.status()).as(other.toString()).isEqualTo(422);
        assertThat(other.json().getString("detail")).contains("different request");
        assertThat(count("select count(*) from orders where notes = '" + note + "'")).isEqualTo(1);

        long id = first.json().getJsonNumber("id").longValue();
        String payKey = UUID.randomUUID().toString();
        String payment = "{\"methodCode\":\"EFECTIVO\",\"amount\":\"5.00\"}";
        Reply paid = cashier.post("api/orders/" + id + "/payments", payment, "Idempotency-Key", payKey);
        Reply replayed = cashier.post("api/orders/" + id + "/payments", payment, "Idempotency-Key", payKey);
        assertThat(replayed.status()).isEqualTo(201);
        assertThat(replayed.body()).isEqualTo(paid.body());
        assertThat(count("select count(*) from order_payments where order_id = " + id)).as("paid once").isEqualTo(1);
        assertThat(cashier.post("api/orders/" + id + "/payments", payment, "Idempotency-Key", key).status())
                .as("a key of another operation").isEqualTo(422);

        // keys are per tenant: the other tenant's same key is its own
        Http stranger = OtherTenant.signIn(http);
        assertThat(stranger.post("api/orders", body, "Idempotency-Key", key).status())
                .as("its own key, and LIM01 is not its location").isEqualTo(404);
    }

    @Test
    void aConcurrentDuplicateIsRefusedWith409AndCreatesNothing() throws Exception {
        Http cashier = signIn(DemoUsers.CASHIER);
        long lim = lim01();
        cashier.post("api/orders", order(lim, "\"itemCode\":\"LAB-GLU\",\"quantity\":1", "")); // the counter row exists
        String note = "concurrent " + SEQ.incrementAndGet();
        String body = order(lim, "\"itemCode\":\"LAB-GLU\",\"quantity\":1", ",\"notes\":\"" + note + "\"");
        String key = UUID.randomUUID().toString();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (Connection blocker = TestDatabase.current().connect()) {
            // Hold LIM01's counter row: the first request claims its key, then waits for the counter;
            // the duplicate then waits on the first one's key. Both are in flight at once, for sure.
            blocker.setAutoCommit(false);
            try (Statement s = blocker.createStatement()) {
                s.execute("select last_number from numbering_counters where counter = 'ORDER' and scope like '"
                        + lim + "/%' for update");
            }
            Future<Reply> first = pool.submit(() -> cashier.post("api/orders", body, "Idempotency-Key", key));
            awaitWaiting(1);
            Future<Reply> duplicate = pool.submit(() -> cashier.post("api/orders", body, "Idempotency-Key", key));
            awaitWaiting(2);
            blocker.commit();
            Reply one = first.get(60, TimeUnit.SECONDS);
            Reply two = duplicate.get(60, TimeUnit.SECONDS);
            assertThat(one.status()).as(one.toString()).isEqualTo(201);
            assertThat(two.status()).as(two.toString()).isEqualTo(409);
            assertThat(two.contentType()).startsWith("application/problem+json");
            assertThat(two.json().getString("detail")).contains("Idempotency-Key");
        } finally {
            pool.shutdownNow();
        }
        assertThat(count("select count(*) from orders where notes = '" + note + "'")).isEqualTo(1);
        Reply retry = cashier.post("api/orders", body, "Idempotency-Key", key);
        assertThat(retry.header("Idempotent-Replayed")).as("a later retry gets the stored response").isEqualTo("true");
    }

    // --- ETags ----------------------------------------------------------------------------------------

    @Test
    void changesNeedTheCurrentETag() {
        Http supervisor = signIn(DemoUsers.SUPERVISOR);
        Reply created = supervisor.post("api/orders", order(lim01(), "\"itemCode\":\"LAB-GLU\",\"quantity\":1", ""));
        long id = created.json().getJsonNumber("id").longValue();
        String etag = created.header("ETag");
        assertThat(supervisor.get("api/orders/" + id).header("ETag")).isEqualTo(etag);

        String base = "api/orders/" + id;
        assertThat(supervisor.put(base + "/status", "{\"status\":\"IN_PROCESS\"}").status()).isEqualTo(428);
        assertThat(supervisor.post(base + "/discounts", "{\"kind\":\"PERCENT\",\"value\":1,\"reason\":\"x\"}").status())
                .isEqualTo(428);
        assertThat(supervisor.post(base + "/cancel", "{\"reason\":\"x\"}").status()).isEqualTo(428);

        Reply moved = supervisor.put(base + "/status", "{\"status\":\"IN_PROCESS\"}", "If-Match", etag);
        assertThat(moved.status()).isEqualTo(200);
        assertThat(moved.header("ETag")).isNotEqualTo(etag);
        Reply stale = supervisor.post(base + "/discounts", "{\"kind\":\"PERCENT\",\"value\":1,\"reason\":\"x\"}",
                "If-Match", etag);
        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.contentType()).startsWith("application/problem+json");
        assertThat(supervisor.post(base + "/cancel", "{\"reason\":\"x\"}", "If-Match", etag).status()).isEqualTo(412);
        assertThat(supervisor.post(base + "/payments", "{\"methodCode\":\"EFECTIVO\",\"amount\":\"1\"}", "If-Match", etag)
                .status()).as("If-Match is optional on payments but checked when sent").isEqualTo(412);
        assertThat(supervisor.post(base + "/cancel", "{\"reason\":\"x\"}", "If-Match", moved.header("ETag")).status())
                .isEqualTo(200);
    }

    // --- isolation ------------------------------------------------------------------------------------

    @Test
    void ordersAreHiddenFromOtherTenantsAndFromUsersOfOtherLocations() throws Exception {
        Http admin = signIn(DemoUsers.ADMIN);
        Http cashier = signIn(DemoUsers.CASHIER);
        Reply atLima = cashier.post("api/orders", order(lim01(), "\"itemCode\":\"LAB-GLU\",\"quantity\":1", ""));
        long id = atLima.json().getJsonNumber("id").longValue();
        long method = ((JsonArray) admin.get("api/payment-methods").jsonStructure()).getJsonObject(0)
                .getJsonNumber("id").longValue();
        long rule = ((JsonArray) admin.get("api/card-fee-rules").jsonStructure()).getJsonObject(0)
                .getJsonNumber("id").longValue();

        Http stranger = OtherTenant.signIn(http);
        TenantIsolation.assertHiddenFromOtherTenant(admin, stranger, "api/orders/" + id, "api/orders/" + id + "/payments",
                "api/payment-methods/" + method, "api/card-fee-rules/" + rule);
        String etag = atLima.header("ETag");
        assertThat(stranger.post("api/orders/" + id + "/payments", "{\"methodCode\":\"EFECTIVO\",\"amount\":\"1\"}")
                .status()).isEqualTo(404);
        assertThat(stranger.put("api/orders/" + id + "/status", "{\"status\":\"IN_PROCESS\"}", "If-Match", etag)
                .status()).isEqualTo(404);
        assertThat(stranger.post("api/orders/" + id + "/discounts", "{\"kind\":\"PERCENT\",\"value\":1,\"reason\":\"x\"}",
                "If-Match", etag).status()).isEqualTo(404);
        assertThat(stranger.post("api/orders/" + id + "/cancel", "{\"reason\":\"x\"}", "If-Match", etag).status())
                .isEqualTo(404);
        assertThat(stranger.get("api/orders").json().getJsonArray("items").getValuesAs(JsonObject.class))
                .extracting(o -> o.getJsonNumber("id").longValue()).doesNotContain(id);
        assertThat(stranger.put("api/payment-methods/" + method, "{\"code\":\"X\",\"name\":\"x\",\"kind\":\"CASH\"}",
                "If-Match", "\"1\"").status()).isEqualTo(404);

        // the cashier works at LIM01 only: a CUS02 order does not exist for him
        Reply atCusco = admin.post("api/orders", order(cus02(), "\"itemCode\":\"LAB-GLU\",\"quantity\":1", ""));
        assertThat(atCusco.status()).as(atCusco.toString()).isEqualTo(201);
        assertThat(atCusco.json().getString("number")).startsWith("CUS02-");
        long cusco = atCusco.json().getJsonNumber("id").longValue();
        for (String path : List.of("api/orders/" + cusco, "api/orders/" + cusco + "/payments",
                "api/orders?location=" + cus02())) {
            TenantIsolation.assertNotFound(cashier, path);
        }
        String cuscoTag = atCusco.header("ETag");
        assertThat(cashier.post("api/orders/" + cusco + "/payments", "{\"methodCode\":\"EFECTIVO\",\"amount\":\"1\"}")
                .status()).isEqualTo(404);
        assertThat(cashier.put("api/orders/" + cusco + "/status", "{\"status\":\"IN_PROCESS\"}", "If-Match", cuscoTag)
                .status()).isEqualTo(404);
        assertThat(cashier.post("api/orders/" + cusco + "/discounts", "{\"kind\":\"PERCENT\",\"value\":1,"
                + "\"reason\":\"x\"}", "If-Match", cuscoTag).status()).isEqualTo(404);
        assertThat(cashier.post("api/orders/" + cusco + "/cancel", "{\"reason\":\"x\"}", "If-Match", cuscoTag)
                .status()).isEqualTo(404);
        assertThat(cashier.post("api/orders", order(cus02(), "\"itemCode\":\"LAB-GLU\",\"quantity\":1", ""))
                .status()).as("nor can he sell there").isEqualTo(404);
        assertThat(cashier.get("api/orders?size=200").json().getJsonArray("items").getValuesAs(JsonObject.class))
                .extracting(o -> o.getString("locationCode")).containsOnly("LIM01");
        assertThat(admin.get("api/orders?location=" + cus02() + "&size=200").json().getJsonArray("items")
                .getValuesAs(JsonObject.class)).extracting(o -> o.getJsonNumber("id").longValue()).contains(cusco);
        assertThat(signIn(DemoUsers.WAREHOUSE).get("api/orders").status()).as("warehouse has no orders").isEqualTo(403);
    }

    @Test
    void theListFiltersByStatusPaymentStatusChannelCustomerAndDay() {
        Http cashier = signIn(DemoUsers.CASHIER);
        long maria = customerId(cashier, "45871236");
        Reply viaWhatsapp = cashier.post("api/orders", "{\"locationId\":" + lim01() + ",\"customerId\":" + maria
                + ",\"channel\":\"WHATSAPP\",\"lines\":[{\"itemCode\":\"LAB-GLU\",\"quantity\":1}],"
                + "\"payments\":[{\"methodCode\":\"EFECTIVO\",\"amount\":\"5\"}]}");
        long id = viaWhatsapp.json().getJsonNumber("id").longValue();
        String today = viaWhatsapp.json().getString("registeredAt").substring(0, 10);

        JsonObject page = cashier.get("api/orders?location=" + lim01() + "&channel=WHATSAPP&paymentStatus=PARTIAL"
                + "&status=REGISTERED&customer=" + maria + "&from=" + java.time.LocalDate.parse(today).minusDays(1)
                + "&to=" + java.time.LocalDate.parse(today).plusDays(1) + "&size=200").json();
        assertThat(page.getJsonArray("items").getValuesAs(JsonObject.class))
                .extracting(o -> o.getJsonNumber("id").longValue()).contains(id);
        assertThat(page.getJsonArray("items").getValuesAs(JsonObject.class))
                .allMatch(o -> o.getString("channel").equals("WHATSAPP") && o.getString("paymentStatus").equals("PARTIAL"));
        assertThat(cashier.get("api/orders?channel=WHATSAPP&paymentStatus=PAID&size=200").json().getJsonArray("items")
                .getValuesAs(JsonObject.class)).extracting(o -> o.getJsonNumber("id").longValue()).doesNotContain(id);
        assertThat(cashier.get("api/orders?from=2001-01-01&to=2001-01-02").json().getInt("total")).isZero();
        assertThat(cashier.get("api/orders?status=PAID").status()).as("not a status").isEqualTo(400);
        JsonObject small = cashier.get("api/orders?size=2&page=1").json();
        assertThat(small.getJsonArray("items")).hasSizeLessThanOrEqualTo(2);
        assertThat(small.getInt("page")).isEqualTo(1);
        assertThat(small.getInt("total")).isGreaterThan(2);
    }

    @Test
    void paymentMethodsAndCardFeeRulesAreTheTenantsData() {
        Http admin = signIn(DemoUsers.ADMIN);
        JsonArray methods = (JsonArray) admin.get("api/payment-methods").jsonStructure();
        assertThat(methods.getValuesAs(JsonObject.class)).extracting(m -> m.getString("code"))
                .startsWith("EFECTIVO", "VISA", "MASTERCARD", "TRANSFERENCIA", "YAPE", "PLIN");
        String code = "VALE" + SEQ.incrementAndGet();
        Reply created = admin.post("api/payment-methods", "{\"code\":\"" + code + "\",\"name\":\"Vale de consumo\","
                + "\"kind\":\"OTHER\",\"requiresReference\":true,\"position\":90}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(admin.post("api/payment-methods", "{\"code\":\"" + code + "\",\"name\":\"x\",\"kind\":\"OTHER\"}")
                .status()).isEqualTo(409);
        assertThat(admin.post("api/payment-methods", "{\"code\":\"TARJ" + SEQ.incrementAndGet()
                + "\",\"name\":\"x\",\"kind\":\"CARD\"}").status()).as("a card names its fee provider").isEqualTo(422);
        long id = created.json().getJsonNumber("id").longValue();
        Reply off = admin.put("api/payment-methods/" + id, "{\"code\":\"" + code + "\",\"name\":\"Vale\","
                + "\"kind\":\"OTHER\",\"requiresReference\":true,\"active\":false,\"position\":90}", "If-Match",
                created.header("ETag"));
        assertThat(off.status()).as(off.toString()).isEqualTo(200);
        assertThat(((JsonArray) admin.get("api/payment-methods").jsonStructure()).getValuesAs(JsonObject.class))
                .extracting(m -> m.getString("code")).doesNotContain(code);
        assertThat(signIn(DemoUsers.CASHIER).post("api/payment-methods", "{\"code\":\"X\",\"name\":\"x\","
                + "\"kind\":\"CASH\"}").status()).isEqualTo(403);

        Reply overlap = admin.post("api/card-fee-rules", "{\"provider\":\"Niubiz\",\"percent\":3.5,\"fixedAmount\":\"0\","
                + "\"currency\":\"PEN\",\"effectiveFrom\":\"2026-06-01\"}");
        assertThat(overlap.status()).as(overlap.toString()).isEqualTo(422);
        assertThat(overlap.json().getString("detail")).contains("overlap");
        String provider = "Izipay" + SEQ.incrementAndGet();
        Reply rule = admin.post("api/card-fee-rules", "{\"provider\":\"" + provider + "\",\"percent\":3.44,"
                + "\"fixedAmount\":\"0.00\",\"currency\":\"PEN\",\"effectiveFrom\":\"2026-01-01\"}");
        assertThat(rule.status()).as(rule.toString()).isEqualTo(201);
        Reply closed = admin.put("api/card-fee-rules/" + rule.json().getJsonNumber("id").longValue(), "{\"provider\":\""
                + provider + "\",\"percent\":3.44,\"fixedAmount\":\"0.00\",\"currency\":\"PEN\",\"effectiveFrom\":"
                + "\"2026-01-01\",\"effectiveTo\":\"2026-01-31\"}", "If-Match", rule.header("ETag"));
        assertThat(closed.status()).as(closed.toString()).isEqualTo(200);
        assertThat(closed.json().getString("effectiveTo")).isEqualTo("2026-01-31");
    }

    // --- numbering under load -------------------------------------------------------------------------

    @Test
    void fiftyClientsRegisterTwoThousandOrdersAtOneLocationWithContiguousNumbers() throws Exception {
        Http admin = signIn(DemoUsers.ADMIN);
        // keys of two days and of 23 hours ago, for the cleanup timer (every minute) to judge meanwhile
        String oldKey = "expired-" + UUID.randomUUID();
        String youngKey = "young-" + UUID.randomUUID();
        for (String[] key : new String[][]{{oldKey, "2 days"}, {youngKey, "23 hours"}}) {
            exec("insert into idempotency_keys (tenant_id, idempotency_key, request_hash, operation, response_status,"
                    + " response_body, created_at) select tenant_id, '" + key[0] + "', repeat('0', 64), 'test', 201,"
                    + " '{}', now() - interval '" + key[1] + "' from locations where code = 'LIM01'");
        }

        long locationId = newLocation(admin, "BEN");
        stockUp(admin, locationId, 4000);
        String code = admin.get("api/locations/" + locationId).json().getString("code");
        String body = "{\"locationId\":" + locationId + ",\"lines\":[{\"itemCode\":\"LAB-HEM\",\"quantity\":1},"
                + "{\"itemCode\":\"INS-TUB\",\"quantity\":2}],\"payments\":[{\"methodCode\":\"EFECTIVO\",\"amount\":\"50\"}]}";

        // one client alone first, at another new location: what one registration costs end to end right now
        long solo = newLocation(admin, "SOL");
        stockUp(admin, solo, 40);
        String alone = body.replace("\"locationId\":" + locationId, "\"locationId\":" + solo);
        long s0 = System.nanoTime();
        for (int i = 0; i < 20; i++) {
            assertThat(admin.post("api/orders", alone).status()).isEqualTo(201);
        }
        System.out.printf("[orders] one client: %.0f ms per registration (20 in a row)%n",
                (System.nanoTime() - s0) / 1e6 / 20);

        int clients = 50;
        int perClient = 40;
        Set<String> numbers = ConcurrentHashMap.newKeySet();
        List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long t0 = System.nanoTime();
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < perClient; i++) {
                        Reply r = admin.post("api/orders", body);
                        if (r.status() == 201) {
                            numbers.add(r.json().getString("number"));
                        } else {
                            failures.add(r.toString());
                        }
                    }
                    return null;
                }));
            }
            t0 = System.nanoTime();
            start.countDown();
            for (Future<?> f : done) {
                f.get(15, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("[orders] %d orders by %d clients in %.1f s: %.0f orders/s%n", clients * perClient, clients,
                seconds, clients * perClient / seconds);

        assertThat(failures).as("errors seen by clients").isEmpty();
        assertThat(numbers).hasSize(clients * perClient);
        TreeSet<Long> sequences = new TreeSet<>();
        for (String n : numbers) {
            assertThat(n).startsWith(code + "-");
            sequences.add(sequenceOf(n));
        }
        assertThat(sequences.first()).isEqualTo(1L);
        assertThat(sequences.last()).isEqualTo((long) clients * perClient);
        assertThat(count("select count(*) from orders where location_id = " + locationId)).isEqualTo(2000);
        assertThat(count("select count(distinct sequence) from orders where location_id = " + locationId)).isEqualTo(2000);
        assertThat(count("select max(last_number) from numbering_counters where counter = 'ORDER'"
                + " and scope like '" + locationId + "/%'")).isEqualTo(2000);
        assertThat(count("select count(*) from orders where location_id = " + locationId + " and payment_status = 'PAID'"))
                .isEqualTo(2000);

        // the cleanup timer runs every minute: the two-day-old key goes, keys younger than 24 h stay
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (count("select count(*) from idempotency_keys where idempotency_key = '" + oldKey + "'") > 0
                && System.nanoTime() < deadline) {
            Thread.sleep(2000);
        }
        assertThat(count("select count(*) from idempotency_keys where idempotency_key = '" + oldKey + "'"))
                .as("an expired key is forgotten").isZero();
        assertThat(count("select count(*) from idempotency_keys where idempotency_key = '" + youngKey + "'"))
                .as("a key younger than 24 hours stays").isEqualTo(1);
    }

    // --- the lab's technician --------------------------------------------------------------------------

    /** Laboratorista: sees the orders of their location and moves their status; no money, no settings. */
    @Test
    void theLabTechnicianMovesOrdersOfTheirLocationButTouchesNoMoneyNorSettings() throws Exception {
        Http admin = signIn(DemoUsers.ADMIN);
        String email = "lab" + SEQ.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 6) + "@cuadra.demo";
        Reply created = admin.post("api/users", "{\"email\":\"" + email + "\",\"firstName\":\"Rosa\","
                + "\"lastName\":\"Quispe\",\"password\":\"Laboratorio-Cuadra-2026\",\"roles\":[\"LAB_TECHNICIAN\"],"
                + "\"locationIds\":[" + lim01() + "]}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        Http lab = DemoUsers.signIn(http, email, "Laboratorio-Cuadra-2026");

        Reply taken = signIn(DemoUsers.CASHIER).post("api/orders", order(lim01(), "\"itemCode\":\"LAB-HEM\",\"quantity\":1", ""));
        assertThat(taken.status()).as(taken.toString()).isEqualTo(201);
        long id = taken.json().getJsonNumber("id").longValue();
        Reply seen = lab.get("api/orders/" + id);
        assertThat(seen.status()).as(seen.toString()).isEqualTo(200);
        // The order without money: no totals, prices, discounts nor payments (the cashier still sees them).
        assertThat(taken.json().get("total")).as("the cashier sees money").isNotNull();
        assertThat(seen.json().keySet()).as(seen.toString()).contains("number", "status", "lines", "history")
                .doesNotContain("subtotal", "discountTotal", "taxTotal", "total", "paidTotal", "balanceDue",
                        "changeTotal", "refundedTotal", "taxTotals", "discounts", "payments", "refunds");
        JsonObject labLine = seen.json().getJsonArray("lines").getJsonObject(0);
        assertThat(labLine.getString("itemCode")).isEqualTo("LAB-HEM");
        assertThat(labLine.keySet()).doesNotContain("catalogUnitPrice", "unitPrice", "unitValue", "base", "tax",
                "total", "lineDiscountTotal", "orderDiscountShare");
        Reply labList = lab.get("api/orders?location=" + lim01());
        assertThat(labList.status()).as(labList.toString()).isEqualTo(200);
        JsonObject listed = labList.json().getJsonArray("items").getJsonObject(0);
        assertThat(listed.keySet()).contains("number").doesNotContain("total", "paidTotal", "balanceDue");
        Reply moved = lab.put("api/orders/" + id + "/status", "{\"status\":\"IN_PROCESS\",\"notes\":\"Muestra tomada\"}",
                "If-Match", seen.header("ETag"));
        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        assertThat(moved.json().getString("status")).isEqualTo("IN_PROCESS");
        assertThat(moved.json().keySet()).doesNotContain("total", "payments");
        String etag = moved.header("ETag");

        assertThat(lab.post("api/orders/" + id + "/payments", "{\"methodCode\":\"EFECTIVO\",\"amount\":\"1\"}").status())
                .as("no money").isEqualTo(403);
        assertThat(lab.get("api/orders/" + id + "/payments").status()).isEqualTo(403);
        Reply discount = lab.post("api/orders/" + id + "/discounts", "{\"kind\":\"AMOUNT\",\"value\":1,"
                + "\"reason\":\"Cortesía\"}", "If-Match", etag);
        assertThat(discount.status()).as("a discount is money: " + discount).isEqualTo(403);
        assertThat(lab.post("api/orders/" + id + "/cancel", "{\"reason\":\"x\"}", "If-Match", etag).status())
                .isEqualTo(403);
        assertThat(lab.post("api/orders", order(lim01(), "\"itemCode\":\"LAB-HEM\",\"quantity\":1", "")).status())
                .isEqualTo(403);
        assertThat(lab.put("api/order-settings", "{\"discountApprovalPercent\":50}", "If-Match", "\"0\"").status())
                .as("no settings").isEqualTo(403);
        assertThat(lab.get("api/reconciliation/closures").status()).isEqualTo(403);
        assertThat(lab.get("api/orders/" + id).json().getString("status")).isEqualTo("IN_PROCESS");
        assertThat(count("select count(*) from order_payments where order_id = " + id)).isZero();
    }

    // --- helpers --------------------------------------------------------------------------------------

    /** A one-or-more-line order at a location; {@code lines} is the inside of the first line object. */
    private static String order(long locationId, String lines, String more) {
        return "{\"locationId\":" + locationId + ",\"lines\":[{" + lines + "}]" + more + "}";
    }

    /** A new location (code prefix + a number), where numbering starts at 1. */
    private static long newLocation(Http admin, String prefix) {
        int n = SEQ.incrementAndGet();
        return TestLocations.open(admin, prefix + n, n, "0009", 'Z', 'Y');
    }

    /**
     * These orders sell INS-TUB, and a paid order takes its goods from the location's default
     * warehouse, never below zero: a free goods receipt puts them there first.
     */
    private static void stockUp(Http admin, long locationId, int units) {
        long warehouse = admin.get("api/inventory/warehouses?locationId=" + locationId).jsonStructure().asJsonArray()
                .getJsonObject(0).getJsonNumber("id").longValue();
        long tubes = admin.get("api/catalog/items?search=INS-TUB").json().getJsonArray("items").getJsonObject(0)
                .getJsonNumber("id").longValue();
        Reply receipt = admin.post("api/purchasing/receipts", "{\"warehouseId\":" + warehouse + ",\"lines\":[{"
                + "\"itemId\":" + tubes + ",\"lotCode\":\"IT-" + locationId + "\",\"expiresOn\":\"2099-12-31\","
                + "\"quantity\":" + units + ",\"unitCost\":0.45}]}");
        assertThat(receipt.status()).as(receipt.toString()).isEqualTo(201);
    }

    private Http signIn(DemoUsers user) {
        return SIGNED_IN.computeIfAbsent(user.name(), u -> user.signIn(http));
    }

    private long lim01() {
        return locationId("LIM01");
    }

    private long cus02() {
        return locationId("CUS02");
    }

    private long locationId(String code) {
        JsonArray all = (JsonArray) signIn(DemoUsers.ADMIN).get("api/locations").jsonStructure();
        return all.getValuesAs(JsonObject.class).stream().filter(l -> l.getString("code").equals(code)).findFirst()
                .orElseThrow().getJsonNumber("id").longValue();
    }

    private static long customerId(Http client, String document) {
        return client.get("api/customers?q=" + document).json().getJsonArray("items").getJsonObject(0)
                .getJsonNumber("id").longValue();
    }

    private static BigDecimal amount(JsonObject o, String field) {
        return JsonMoney.of(o, field); // an amount is a decimal string, a quantity a number: both read
    }

    private static long sequenceOf(String number) {
        return Long.parseLong(number.substring(number.lastIndexOf('-') + 1));
    }

    /** Waits until this many of the application's statements wait for a lock. */
    private static void awaitWaiting(int waiting) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (count("select count(*) from pg_stat_activity where wait_event_type = 'Lock'"
                + " and application_name = 'cuadra'") < waiting) {
            assertThat(System.nanoTime()).as("requests waiting for a lock").isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    private static long count(String sql) throws Exception {
        return Long.parseLong(single(sql));
    }

    private static String single(String sql) throws Exception {
        try (Connection c = TestDatabase.current().connect(); PreparedStatement s = c.prepareStatement(sql);
             ResultSet rs = s.executeQuery()) {
            rs.next();
            Object v = rs.getObject(1);
            return v instanceof BigDecimal bd ? bd.toPlainString() : String.valueOf(v);
        }
    }

    private static void exec(String sql) throws Exception {
        try (Connection c = TestDatabase.current().connect(); PreparedStatement s = c.prepareStatement(sql)) {
            s.executeUpdate();
        }
    }
}
