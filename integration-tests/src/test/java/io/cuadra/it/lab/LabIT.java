package io.cuadra.it.lab;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.llp.MinLLPReader;
import ca.uhn.hl7v2.llp.MinLLPWriter;
import ca.uhn.hl7v2.model.v25.message.ACK;
import ca.uhn.hl7v2.model.v25.message.ORM_O01;
import ca.uhn.hl7v2.model.v25.message.ORU_R01;
import io.cuadra.it.support.CuadraDeployment;
import io.cuadra.it.support.DemoUsers;
import io.cuadra.it.support.Http;
import io.cuadra.it.support.Http.Reply;
import io.cuadra.it.support.TestDatabase;
import io.cuadra.it.support.TestEnvironment;
import io.cuadra.it.support.TestLis;
import io.cuadra.it.support.TestLocations;
import io.cuadra.lis.simulator.LisSimulator;
import io.cuadra.lis.simulator.Received;
import io.cuadra.lis.simulator.ResultSent;
import jakarta.json.JsonObject;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The laboratory system on the deployed EAR with the LIS stand-in: an order with lab tests goes out as an ORM^O01
 * over MLLP, is acknowledged, and the ORU^R01 coming back completes it; a LIS down for a while gets the order once
 * when back, the log counting the attempts; an AR answer is FAILED and visible, then retried and sent again by
 * hand; a repeated, unknown or malformed result changes nothing; a cancellation sends ORC CA; the REST adapter
 * carries its authentication header. Every test uses a location of its own, so no other test's orders reach the LIS.
 */
@ExtendWith(ArquillianExtension.class)
class LabIT extends CuadraDeployment {

    private static final AtomicInteger SEQ = new AtomicInteger(ThreadLocalRandom.current().nextInt(1000));
    private static final HapiContext HAPI = new DefaultHapiContext();

    private final Http http = http();
    private final LisSimulator lis = TestLis.simulator();

    @BeforeEach
    void freshStandIn() {
        lis.reset();
        lis.resultsDelay(300);
    }

    @Test
    void anOrderGoesOutAsOrmO01IsAcknowledgedAndItsResultsCompleteIt() throws Exception {
        Http admin = DemoUsers.ADMIN.signIn(http);
        long location = mllpLocation(admin);
        long customer = patient(admin);
        long orderId = labOrder(admin, location, customer);

        JsonObject sent = awaitSync(admin, orderId, s -> s.getString("kind").equals("NEW")
                && s.getString("status").equals("SUCCESS"));
        assertThat(sent.getString("adapter")).isEqualTo("MLLP");
        assertThat(sent.getInt("attempts")).isEqualTo(1);
        assertThat(sent.getString("responsePayload")).contains("MSA|AA|" + sent.getString("controlId"));
        ORM_O01 orm = (ORM_O01) HAPI.getPipeParser().parse(sent.getString("requestPayload"));
        assertThat(orm.getORDER(0).getORC().getOrderControl().getValue()).isEqualTo("NW");
        assertThat(orm.getPATIENT().getPID().getPatientIdentifierList(0).getIDNumber().getValue()).startsWith("7");
        assertThat(orm.getPATIENT().getPID().getDateTimeOfBirth().getTime().getValue()).isEqualTo("19900512");
        assertThat(orm.getPATIENT().getPID().getAdministrativeSex().getValue()).isEqualTo("F");
        Received got = received(orderId, "NW").get(0);
        assertThat(got.protocol()).isEqualTo("MLLP");
        assertThat(got.tests()).containsExactly("HEM", "GLU");
        assertThat(got.answer()).isEqualTo("AA");
        assertThat(got.birthDate()).as("PID-7 as the LIS received it").isEqualTo("19900512");
        assertThat(got.sex()).as("PID-8 as the LIS received it").isEqualTo("F");

        // The stand-in's ORU^R01 completes the order: both lab lines resulted, the order COMPLETED.
        await(() -> "COMPLETED".equals(admin.get("api/orders/" + orderId).json().getString("status")) ? true : null,
                "order " + orderId + " completed by its results");
        assertThat(single("select status from lab_orders where order_id = " + orderId)).isEqualTo("RESULTED");
        assertThat(count("select count(*) from lab_order_lines l join lab_orders o on o.id = l.lab_order_id where"
                + " o.order_id = " + orderId + " and l.resulted_at is not null and l.result_text like '%mg/dL%'"))
                .isEqualTo(2);
        JsonObject in = awaitSync(admin, orderId, s -> s.getString("direction").equals("IN"));
        assertThat(in.getString("status")).isEqualTo("SUCCESS");
        assertThat(in.getString("responsePayload")).contains("MSA|AA|");
        ResultSent result = await(() -> lis.resultsSent().stream().filter(r -> r.placer().equals(Long.toString(orderId)))
                .findFirst().orElse(null), "the stand-in's results acknowledged");
        assertThat(result.ackCode()).isEqualTo("AA");

        // The same ORU again: AE, logged, nothing changes.
        String resultedAt = single("select max(l.resulted_at)::text from lab_order_lines l join lab_orders o"
                + " on o.id = l.lab_order_id where o.order_id = " + orderId);
        ResultSent again = lis.resendResults(Long.toString(orderId));
        assertThat(again.ackCode()).isEqualTo("AE");
        assertThat(again.ackText()).contains("Duplicate");
        assertThat(single("select max(l.resulted_at)::text from lab_order_lines l join lab_orders o"
                + " on o.id = l.lab_order_id where o.order_id = " + orderId)).isEqualTo(resultedAt);
        assertThat(syncs(admin, orderId)).filteredOn(s -> s.getString("direction").equals("IN")
                && s.getString("status").equals("FAILED")).singleElement()
                .satisfies(s -> assertThat(s.getString("lastError")).contains("Duplicate"));
        assertThat(history(orderId)).as("one trip to COMPLETED").isEqualTo(2);

        // Unknown order and malformed text: answered AE / AR, nothing recorded for anybody.
        assertThat(ackOf(sendResults(oru("UNK" + orderId, "999999999999", "HEM")))).isEqualTo("AE");
        assertThat(ackOf(sendResults("this is not HL7"))).isEqualTo("AR");
        assertThat(ackOf(sendResults(oru("TSH" + orderId, Long.toString(orderId), "TSH")))).isEqualTo("AE");
        assertThat(count("select count(*) from inbox_messages where source = 'lis' and message_id in ('UNK" + orderId
                + "', 'TSH" + orderId + "')")).isZero();
        assertThat(count("select count(*) from inbox_messages where source = 'lis' and topic = 'ORU^R01' and"
                + " status = 'PROCESSED' and message_id = '" + result.controlId() + "'")).as("taken once, in the one inbox")
                .isEqualTo(1);
    }

    @Test
    void resultsByRestCallbackAreAuthenticatedPerTenantAndRefusedAsOruR01IsAndThePatientIsEditable() throws Exception {
        Http admin = DemoUsers.ADMIN.signIn(http);
        // Birth date and sex through the customer API: validated, optional, shown back.
        String dni = "7" + (1_000_000 + ThreadLocalRandom.current().nextInt(8_999_999));
        String person = "{\"documentType\":\"1\",\"documentNumber\":\"" + dni
                + "\",\"firstName\":\"Rosa\",\"lastName\":\"Quispe\"";
        assertThat(admin.post("api/customers", person + ",\"birthDate\":\"2999-01-01\"}").status()).as("a birth date"
                + " in the future").isEqualTo(422);
        assertThat(admin.post("api/customers", person + ",\"sex\":\"X\"}").status()).isEqualTo(400);
        Reply created = admin.post("api/customers", person + ",\"birthDate\":\"1985-01-31\",\"sex\":\"M\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().getString("birthDate")).isEqualTo("1985-01-31");
        assertThat(created.json().getString("sex")).isEqualTo("M");
        long customer = created.json().getJsonNumber("id").longValue();

        Reply issued = admin.post("api/lab/results-token", "");
        assertThat(issued.status()).as(issued.toString()).isEqualTo(200);
        String token = issued.json().getString("token");
        String callback = issued.json().getString("callbackPath").substring(1); // under the base URL
        assertThat(admin.get("api/lab/settings").json().getBoolean("hasResultsToken")).isTrue();
        long location = mllpLocation(admin);
        long tenant = count("select tenant_id from locations where id = " + location);
        lis.resultsToRest(URI.create(TestEnvironment.baseUrl() + callback), token);

        // Orders out over MLLP (PID-7/8 from the form), results back over REST: the order completes.
        long orderId = labOrder(admin, location, customer);
        await(() -> "COMPLETED".equals(admin.get("api/orders/" + orderId).json().getString("status")) ? true : null,
                "order " + orderId + " completed by results over REST");
        assertThat(received(orderId, "NW")).singleElement().satisfies(r -> {
            assertThat(r.birthDate()).isEqualTo("19850131");
            assertThat(r.sex()).isEqualTo("M");
        });
        ResultSent sent = await(() -> lis.resultsSent().stream().filter(r -> r.placer().equals(Long.toString(orderId)))
                .findFirst().orElse(null), "the stand-in's results answered");
        assertThat(sent.ackCode()).isEqualTo("200");
        JsonObject in = awaitSync(admin, orderId, s -> s.getString("direction").equals("IN"));
        assertThat(in.getString("adapter")).isEqualTo("REST");
        assertThat(in.getString("status")).isEqualTo("SUCCESS");
        assertThat(count("select count(*) from lab_order_lines l join lab_orders o on o.id = l.lab_order_id where"
                + " o.order_id = " + orderId + " and l.result_text like '%mg/dL [N]%'")).isEqualTo(2);

        // The same message again: 409, logged, nothing changes.
        String resultedAt = single("select max(l.resulted_at)::text from lab_order_lines l join lab_orders o"
                + " on o.id = l.lab_order_id where o.order_id = " + orderId);
        assertThat(lis.resendResults(Long.toString(orderId)).ackCode()).isEqualTo("409");
        assertThat(single("select max(l.resulted_at)::text from lab_order_lines l join lab_orders o"
                + " on o.id = l.lab_order_id where o.order_id = " + orderId)).isEqualTo(resultedAt);
        assertThat(history(orderId)).as("one trip to COMPLETED").isEqualTo(2);
        assertThat(count("select count(*) from inbox_messages where source = 'lis' and message_id = '"
                + sent.controlId() + "'")).isEqualTo(1);

        // A second order, results posted by hand: wrong or missing token, or another tenant's address → 401 and
        // nothing read, logged or changed; unreadable → 400, unknown order → 404, a test not ordered → 422.
        lis.resultsDelay(-1);
        long second = labOrder(admin, location, null);
        awaitSync(admin, second, s -> s.getString("kind").equals("NEW") && s.getString("status").equals("SUCCESS"));
        String body = "{\"messageId\":\"RC" + second + "\",\"placerOrderNumber\":\"" + second + "\",\"results\":["
                + "{\"code\":\"HEM\",\"value\":\"13.1\",\"units\":\"g/dL\"},{\"code\":\"GLU\",\"value\":\"91\"}]}";
        long logsBefore = count("select count(*) from lab_sync_logs where tenant_id = " + tenant + " and direction = 'IN'");
        Reply wrong = http.post(callback, body, "X-Lis-Token", "not-the-token");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.contentType()).startsWith("application/problem+json");
        assertThat(http.post(callback, body).status()).isEqualTo(401);
        assertThat(http.post("api/hooks/lis/" + (tenant + 100_000) + "/results", body, "X-Lis-Token", token).status())
                .as("the token is this tenant's only").isEqualTo(401);
        assertThat(count("select count(*) from lab_sync_logs where tenant_id = " + tenant + " and direction = 'IN'"))
                .isEqualTo(logsBefore);
        assertThat(count("select count(*) from inbox_messages where message_id = 'RC" + second + "'")).isZero();

        String auth = token;
        long failedBefore = count("select count(*) from lab_sync_logs where tenant_id = " + tenant
                + " and direction = 'IN' and adapter = 'REST' and status = 'FAILED'");
        Reply malformed = http.post(callback, "{\"messageId\":\"BAD" + second + "\",\"results\":[]}", "X-Lis-Token",
                auth);
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.contentType()).startsWith("application/problem+json");
        assertThat(http.post(callback, "not json", "X-Lis-Token", auth).status()).isEqualTo(400);
        assertThat(http.post(callback, body.replace("\"" + second + "\"", "\"999999999999\""), "X-Lis-Token", auth)
                .status()).isEqualTo(404);
        assertThat(http.post(callback, body.replace("\"HEM\"", "\"TSH\""), "X-Lis-Token", auth).status())
                .isEqualTo(422);
        assertThat(count("select count(*) from lab_sync_logs where tenant_id = " + tenant + " and direction = 'IN'"
                + " and adapter = 'REST' and status = 'FAILED'") - failedBefore).as("each refusal logged").isEqualTo(4);
        assertThat(count("select count(*) from lab_order_lines l join lab_orders o on o.id = l.lab_order_id where"
                + " o.order_id = " + second + " and l.resulted_at is not null")).as("nothing changed").isZero();

        // The same results four times at once: taken once (the inbox's key), the others are repeats.
        ExecutorService four = Executors.newFixedThreadPool(4);
        List<Integer> answers = new ArrayList<>();
        try {
            for (Future<Integer> f : four.invokeAll(Collections.nCopies(4, (Callable<Integer>) () -> http()
                    .post(callback, body, "X-Lis-Token", auth).status()))) {
                answers.add(f.get());
            }
        } finally {
            four.shutdownNow();
        }
        assertThat(answers).containsExactlyInAnyOrder(200, 409, 409, 409);
        assertThat(single("select status from lab_orders where order_id = " + second)).isEqualTo("RESULTED");
        assertThat(history(second)).isEqualTo(2);
    }

    @Test
    void aLisDownForAWhileGetsTheOrderOnceWhenBackAndTheLogCountsTheAttempts() throws Exception {
        Http admin = DemoUsers.ADMIN.signIn(http);
        long location = mllpLocation(admin);
        lis.resultsDelay(-1);
        lis.down();
        long orderId;
        try {
            orderId = labOrder(admin, location, null);
            JsonObject retrying = awaitSync(admin, orderId, s -> s.getString("status").equals("RETRYING")
                    && s.getInt("attempts") >= 2);
            assertThat(retrying.getString("lastError")).contains("Connect");
            assertThat(admin.get("api/lab/syncs?open=true&locationId=" + location).jsonStructure().asJsonArray())
                    .extracting(v -> v.asJsonObject().getJsonNumber("orderId").longValue()).contains(orderId);
        } finally {
            lis.up();
        }
        JsonObject delivered = awaitSync(admin, orderId, s -> s.getString("status").equals("SUCCESS"));
        assertThat(delivered.getInt("attempts")).isGreaterThanOrEqualTo(3);
        assertThat(delivered.getString("lastError", null)).isNull();
        Thread.sleep(3_000); // a second delivery would come within the backoff's next steps
        assertThat(received(orderId, "NW")).as("delivered once").hasSize(1);
        assertThat(count("select count(*) from outbox_messages where topic = 'lab.order' and aggregate_id = "
                + delivered.getJsonNumber("id").longValue() + " and status = 'DONE'")).isEqualTo(1);
    }

    @Test
    void anArAnswerIsFailedAndVisibleThenRetriedAndSentAgainByHand() throws Exception {
        Http admin = DemoUsers.ADMIN.signIn(http);
        long location = mllpLocation(admin);
        lis.resultsDelay(-1);
        lis.answerNext(1, "AR");
        long orderId = labOrder(admin, location, null);

        JsonObject failed = awaitSync(admin, orderId, s -> s.getString("status").equals("FAILED"));
        assertThat(failed.getInt("attempts")).isEqualTo(1);
        assertThat(failed.getString("lastError")).startsWith("AR");
        assertThat(failed.getString("responsePayload")).contains("MSA|AR|");
        Thread.sleep(3_000); // a refusal is not retried by itself
        assertThat(received(orderId, "NW")).hasSize(1);
        long id = failed.getJsonNumber("id").longValue();
        assertThat(admin.get("api/lab/syncs?open=true&locationId=" + location).jsonStructure().asJsonArray())
                .extracting(v -> v.asJsonObject().getJsonNumber("id").longValue()).contains(id);

        Reply retry = admin.post("api/lab/syncs/" + id + "/retry", "");
        assertThat(retry.status()).as(retry.toString()).isEqualTo(200);
        JsonObject retried = awaitSync(admin, orderId, s -> s.getJsonNumber("id").longValue() == id
                && s.getString("status").equals("SUCCESS"));
        assertThat(retried.getInt("attempts")).isEqualTo(2);
        assertThat(admin.post("api/lab/syncs/" + id + "/retry", "").status()).as("delivered: send again instead")
                .isEqualTo(409);

        Reply again = admin.post("api/lab/syncs/" + id + "/send-again", "");
        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        long second = again.json().getJsonNumber("id").longValue();
        JsonObject resent = awaitSync(admin, orderId, s -> s.getJsonNumber("id").longValue() == second
                && s.getString("status").equals("SUCCESS"));
        assertThat(resent.getJsonNumber("resendOf").longValue()).isEqualTo(id);
        assertThat(resent.getString("controlId")).isNotEqualTo(failed.getString("controlId"));
        assertThat(received(orderId, "NW")).extracting(Received::answer).containsExactly("AR", "AA", "AA");

        // Permissions and tenants: warehouse staff may not read the log; the page shows the row to the admin.
        assertThat(DemoUsers.WAREHOUSE.signIn(http).get("api/lab/syncs").status()).isEqualTo(403);
        assertThat(admin.get("api/lab/syncs/" + Long.MAX_VALUE).status()).isEqualTo(404);
        assertThat(admin.put("api/lab/connections/" + location, "{\"adapter\":\"MLLP\"}").status()).isEqualTo(422);
    }

    @Test
    void cancellingASentOrderSendsOrcCaAndTheRestAdapterCarriesItsCredential() throws Exception {
        Http admin = DemoUsers.ADMIN.signIn(http);
        long location = mllpLocation(admin);
        lis.resultsDelay(60_000);
        long orderId = labOrder(admin, location, null);
        awaitSync(admin, orderId, s -> s.getString("kind").equals("NEW") && s.getString("status").equals("SUCCESS"));
        Reply order = admin.get("api/orders/" + orderId);
        Reply cancelled = admin.post("api/orders/" + orderId + "/cancel", "{\"reason\":\"Paciente no acudió\"}",
                "If-Match", order.header("ETag"));
        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);

        JsonObject cancel = awaitSync(admin, orderId, s -> s.getString("kind").equals("CANCEL")
                && s.getString("status").equals("SUCCESS"));
        assertThat(cancel.getString("requestPayload")).contains("ORC|CA|" + orderId);
        assertThat(received(orderId, "CA")).singleElement().satisfies(r -> assertThat(r.tests())
                .containsExactly("HEM", "GLU"));
        assertThat(single("select status from lab_orders where order_id = " + orderId)).isEqualTo("CANCELLED");

        // REST: the JSON order with the configured header; a wrong credential is a refusal (FAILED), not a retry.
        long rest = TestLocations.open(admin, "LR" + SEQ.incrementAndGet(), SEQ.get(), "0006", 'L', 'K');
        connect(admin, rest, "{\"adapter\":\"REST\",\"restUrl\":\"http://localhost:" + TestLis.httpPort()
                + LisSimulator.ORDERS_PATH + "\",\"authHeader\":\"Authorization\",\"authValue\":\"Bearer lis-test-token\","
                + "\"connectTimeoutMs\":1000,\"readTimeoutMs\":3000}");
        assertThat(admin.get("api/lab/connections/" + rest).json().getBoolean("hasAuthValue")).isTrue();
        long viaRest = labOrder(admin, rest, patient(admin));
        JsonObject ok = awaitSync(admin, viaRest, s -> s.getString("status").equals("SUCCESS"));
        assertThat(ok.getString("adapter")).isEqualTo("REST");
        assertThat(ok.getString("requestPayload")).contains("\"action\":\"NEW\"", "\"code\":\"GLU\"");
        assertThat(received(viaRest, "NW")).singleElement().satisfies(r -> assertThat(r.answer()).isEqualTo("201"));

        connect(admin, rest, "{\"adapter\":\"REST\",\"restUrl\":\"http://localhost:" + TestLis.httpPort()
                + LisSimulator.ORDERS_PATH + "\",\"authHeader\":\"Authorization\",\"authValue\":\"Bearer wrong\"}");
        long refused = labOrder(admin, rest, null);
        JsonObject unauthorized = awaitSync(admin, refused, s -> s.getString("status").equals("FAILED"));
        assertThat(unauthorized.getString("lastError")).isEqualTo("HTTP 401");
        assertThat(unauthorized.getInt("attempts")).isEqualTo(1);
    }

    // ------------------------------------------------------------------ helpers

    private long mllpLocation(Http admin) {
        int n = SEQ.incrementAndGet();
        long location = TestLocations.open(admin, "LB" + n, n, "0006", 'L', 'K');
        connect(admin, location, "{\"adapter\":\"MLLP\",\"mllpHost\":\"localhost\",\"mllpPort\":" + TestLis.mllpPort()
                + ",\"connectTimeoutMs\":1000,\"readTimeoutMs\":3000}");
        return location;
    }

    private static void connect(Http admin, long location, String body) {
        Reply r = admin.put("api/lab/connections/" + location, body);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
    }

    /** A DNI patient with a birth date and sex. */
    private static long patient(Http admin) throws Exception {
        String dni = "7" + (1_000_000 + ThreadLocalRandom.current().nextInt(8_999_999));
        Reply r = admin.post("api/customers", "{\"documentType\":\"1\",\"documentNumber\":\"" + dni
                + "\",\"firstName\":\"Lucía\",\"lastName\":\"Huamán Torres\",\"birthDate\":\"1990-05-12\","
                + "\"sex\":\"F\"}");
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().getJsonNumber("id").longValue();
    }

    private static long labOrder(Http admin, long location, Long customer) {
        Reply r = admin.post("api/orders", "{\"locationId\":" + location
                + (customer == null ? "" : ",\"customerId\":" + customer)
                + ",\"lines\":[{\"itemCode\":\"LAB-HEM\",\"quantity\":1},{\"itemCode\":\"LAB-GLU\",\"quantity\":1}],"
                + "\"payments\":[]}");
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().getJsonNumber("id").longValue();
    }

    private static List<JsonObject> syncs(Http admin, long orderId) {
        Reply r = admin.get("api/lab/syncs?orderId=" + orderId);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.jsonStructure().asJsonArray().getValuesAs(JsonObject.class);
    }

    private static JsonObject awaitSync(Http admin, long orderId, Predicate<JsonObject> which) throws InterruptedException {
        return await(() -> syncs(admin, orderId).stream().filter(which).findFirst().orElse(null),
                "a lab sync of order " + orderId);
    }

    private List<Received> received(long orderId, String action) {
        return lis.received().stream().filter(r -> Long.toString(orderId).equals(r.placer())
                && action.equals(r.action())).toList();
    }

    private static String oru(String controlId, String placer, String test) throws Exception {
        ORU_R01 oru = new ORU_R01();
        oru.initQuickstart("ORU", "R01", "P");
        oru.getMSH().getMessageControlID().setValue(controlId);
        oru.getPATIENT_RESULT().getORDER_OBSERVATION(0).getOBR().getPlacerOrderNumber().getEntityIdentifier()
                .setValue(placer);
        oru.getPATIENT_RESULT().getORDER_OBSERVATION(0).getOBR().getUniversalServiceIdentifier().getIdentifier()
                .setValue(test);
        return oru.encode();
    }

    /** Sends one message to the domain's MLLP results port and returns its acknowledgement. */
    private static String sendResults(String message) throws Exception {
        try (Socket socket = new Socket("localhost", TestLis.resultsPort())) {
            socket.setSoTimeout(15_000);
            new MinLLPWriter(socket.getOutputStream(), StandardCharsets.ISO_8859_1).writeMessage(message);
            return new MinLLPReader(socket.getInputStream(), StandardCharsets.ISO_8859_1).getMessage();
        }
    }

    private static String ackOf(String ack) throws Exception {
        return ((ACK) HAPI.getPipeParser().parse(ack)).getMSA().getAcknowledgmentCode().getValue();
    }

    private static long history(long orderId) throws Exception {
        return count("select count(*) from order_status_history where order_id = " + orderId
                + " and notes = 'Laboratory results received'");
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

    private static String single(String sql) throws Exception {
        try (Connection c = TestDatabase.current().connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private static long count(String sql) throws Exception {
        return Long.parseLong(single(sql));
    }
}
