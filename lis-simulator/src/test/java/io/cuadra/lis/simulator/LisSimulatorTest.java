package io.cuadra.lis.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.llp.MinLLPReader;
import ca.uhn.hl7v2.llp.MinLLPWriter;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.model.v25.message.ORM_O01;
import ca.uhn.hl7v2.model.v25.message.ORU_R01;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LisSimulatorTest {

    private static final HapiContext HAPI = new DefaultHapiContext();

    private static String orm(String control, String action, String placer, String... tests) throws Exception {
        ORM_O01 orm = new ORM_O01();
        orm.initQuickstart("ORM", "O01", "P");
        orm.getMSH().getMessageControlID().setValue(control);
        orm.getPATIENT().getPID().getPatientIdentifierList(0).getIDNumber().setValue("45871236");
        for (int i = 0; i < tests.length; i++) {
            orm.getORDER(i).getORC().getOrderControl().setValue(action);
            orm.getORDER(i).getORC().getPlacerOrderNumber().getEntityIdentifier().setValue(placer);
            orm.getORDER(i).getORDER_DETAIL().getOBR().getUniversalServiceIdentifier().getIdentifier().setValue(tests[i]);
        }
        return orm.encode();
    }

    /** Sends one message and returns the answer; null when the stand-in closed the connection without one. */
    private static String exchange(int port, String message) throws Exception {
        try (Socket s = new Socket("localhost", port)) {
            s.setSoTimeout(5000);
            new MinLLPWriter(s.getOutputStream(), StandardCharsets.ISO_8859_1).writeMessage(message);
            return new MinLLPReader(s.getInputStream(), StandardCharsets.ISO_8859_1).getMessage();
        } catch (java.net.SocketException closed) {
            return null; // HAPI's reader reports a peer that closed before answering this way
        }
    }

    private static String msa1(String ack) throws Exception {
        Message m = HAPI.getPipeParser().parse(ack);
        return ((ca.uhn.hl7v2.model.v25.message.ACK) m).getMSA().getAcknowledgmentCode().getValue();
    }

    /** A Cuadra stand-in: takes one ORU per connection, keeps it, answers AA. */
    private static Thread cuadra(ServerSocket server, BlockingQueue<String> got) {
        Thread t = new Thread(() -> {
            while (!server.isClosed()) {
                try (Socket s = server.accept()) {
                    String oru = new MinLLPReader(s.getInputStream(), StandardCharsets.ISO_8859_1).getMessage();
                    got.add(oru);
                    new MinLLPWriter(s.getOutputStream(), StandardCharsets.ISO_8859_1)
                            .writeMessage(HAPI.getPipeParser().parse(oru).generateACK().encode());
                } catch (Exception e) {
                    return;
                }
            }
        });
        t.setDaemon(true);
        t.start();
        return t;
    }

    @Test
    void acknowledgesOrdersSendsResultsAndCancelsPendingOnes() throws Exception {
        BlockingQueue<String> results = new ArrayBlockingQueue<>(10);
        try (ServerSocket cuadraPort = new ServerSocket(0);
             LisSimulator lis = LisSimulator.on(0, 0).resultsTo("localhost", cuadraPort.getLocalPort()).start()) {
            cuadra(cuadraPort, results);
            lis.resultsDelay(100);
            assertThat(msa1(exchange(lis.mllpPort(), orm("C1", "NW", "4711", "HEM", "GLU")))).isEqualTo("AA");

            String oru = results.poll(5, TimeUnit.SECONDS);
            assertThat(oru).isNotNull();
            ORU_R01 parsed = (ORU_R01) HAPI.getPipeParser().parse(oru);
            assertThat(parsed.getPATIENT_RESULT().getORDER_OBSERVATIONReps()).isEqualTo(2);
            assertThat(parsed.getPATIENT_RESULT().getORDER_OBSERVATION(1).getOBR().getUniversalServiceIdentifier()
                    .getIdentifier().getValue()).isEqualTo("GLU");
            assertThat(parsed.getPATIENT_RESULT().getORDER_OBSERVATION(0).getOBR().getPlacerOrderNumber()
                    .getEntityIdentifier().getValue()).isEqualTo("4711");
            awaitResults(lis, 1);
            assertThat(lis.resultsSent().get(0).ackCode()).isEqualTo("AA");

            lis.resultsDelay(1000);
            exchange(lis.mllpPort(), orm("C2", "NW", "4712", "HEM"));
            exchange(lis.mllpPort(), orm("C3", "CA", "4712", "HEM"));
            assertThat(results.poll(1500, TimeUnit.MILLISECONDS)).as("a cancelled order gets no results").isNull();
            assertThat(lis.received()).extracting(Received::action).containsExactly("NW", "NW", "CA");
        }
    }

    @Test
    void failsDropsAndGoesDownWhenTold() throws Exception {
        try (LisSimulator lis = LisSimulator.on(0, 0).start()) {
            lis.answerNext(1, "AR");
            assertThat(msa1(exchange(lis.mllpPort(), orm("C1", "NW", "1", "HEM")))).isEqualTo("AR");
            assertThat(msa1(exchange(lis.mllpPort(), orm("C2", "NW", "1", "HEM")))).isEqualTo("AA");
            lis.dropNext(1);
            assertThat(exchange(lis.mllpPort(), orm("C3", "NW", "2", "HEM"))).isNull();
            assertThat(msa1(exchange(lis.mllpPort(), "MSH|garbage"))).isEqualTo("AR");

            int port = lis.mllpPort();
            lis.down();
            // Down: nothing reaches the simulator. (Whether a bare connect is refused is the kernel's business: on a
            // busy machine another process may take the freed ephemeral port, or a connect may meet itself.)
            assertThat(answerWhenReachable(port)).isNull();
            lis.up();
            assertThat(lis.mllpPort()).as("back on the same port").isEqualTo(port);
            assertThat(canConnect(port)).isTrue();
            assertThat(lis.received()).extracting(Received::answer).containsExactly("AR", "AA", "DROPPED", "AR");
        }
    }

    @Test
    void takesRestOrdersWithTheRightHeaderAndIsSteeredOverHttp() throws Exception {
        try (LisSimulator lis = LisSimulator.on(0, 0).requireHeader("X-Api-Key", "k1").resultsDelay(-1)) {
            lis.start();
            HttpClient client = HttpClient.newHttpClient();
            String body = "{\"messageId\":\"M1\",\"action\":\"NEW\",\"placerOrderNumber\":\"77\",\"tests\":[{\"line\":1,"
                    + "\"code\":\"HEM\",\"name\":\"Hemograma\"}]}";
            URI orders = URI.create(lis.baseUri() + LisSimulator.ORDERS_PATH);
            assertThat(client.send(HttpRequest.newBuilder(orders).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
            assertThat(client.send(HttpRequest.newBuilder(orders).header("X-Api-Key", "k1")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString())
                    .statusCode()).isEqualTo(201);
            client.send(HttpRequest.newBuilder(URI.create(lis.baseUri() + "/simulator/answer?code=AE&count=1"))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(client.send(HttpRequest.newBuilder(orders).header("X-Api-Key", "k1")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString())
                    .statusCode()).isEqualTo(422);
            String listed = client.send(HttpRequest.newBuilder(URI.create(lis.baseUri() + "/simulator/received")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertThat(listed.lines()).hasSize(2).allMatch(l -> l.contains("\tREST\tM1\tNW\t77\tHEM\t"));
        }
    }

    @Test
    void sendsResultsToTheRestCallbackWithItsTokenAndKeepsThePatientsBirthDateAndSex() throws Exception {
        BlockingQueue<String> posted = new ArrayBlockingQueue<>(10);
        java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
        com.sun.net.httpserver.HttpServer cuadra = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress("localhost", 0), 8);
        cuadra.createContext("/api/hooks/lis/7/results", exchange -> {
            posted.add(exchange.getRequestHeaders().getFirst("X-Lis-Token") + " "
                    + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            int status = calls.incrementAndGet() == 1 ? 200 : 409; // a repeat, as Cuadra answers it
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        cuadra.start();
        try (LisSimulator lis = LisSimulator.on(0, 0).start()) {
            URI callback = URI.create("http://localhost:" + cuadra.getAddress().getPort() + "/api/hooks/lis/7/results");
            lis.resultsToRest(callback, "t0ken").resultsDelay(50);
            ORM_O01 orm = (ORM_O01) HAPI.getPipeParser().parse(orm("C1", "NW", "4711", "HEM", "GLU"));
            orm.getPATIENT().getPID().getDateTimeOfBirth().getTime().setValue("19900512");
            orm.getPATIENT().getPID().getAdministrativeSex().setValue("F");
            assertThat(msa1(exchange(lis.mllpPort(), orm.encode()))).isEqualTo("AA");
            assertThat(lis.received()).singleElement().satisfies(r -> {
                assertThat(r.birthDate()).isEqualTo("19900512");
                assertThat(r.sex()).isEqualTo("F");
            });

            String first = posted.poll(5, TimeUnit.SECONDS);
            assertThat(first).startsWith("t0ken {").contains("\"placerOrderNumber\":\"4711\"",
                    "\"code\":\"HEM\"", "\"code\":\"GLU\"", "\"units\":\"mg/dL\"");
            awaitResults(lis, 1);
            assertThat(lis.resultsSent().get(0).ackCode()).isEqualTo("200");
            ResultSent again = lis.resendResults("4711");
            assertThat(again.ackCode()).isEqualTo("409");
            assertThat(posted.poll(1, TimeUnit.SECONDS)).as("the same message again").isEqualTo(first);

            lis.reset();
            String json = "{\"messageId\":\"M1\",\"action\":\"NEW\",\"placerOrderNumber\":\"78\",\"patient\":"
                    + "{\"birthDate\":\"1985-01-31\",\"sex\":\"M\"},\"tests\":[{\"line\":1,\"code\":\"HEM\"}]}";
            HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(lis.baseUri() + LisSimulator.ORDERS_PATH))
                    .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(lis.received()).singleElement().satisfies(r -> {
                assertThat(r.birthDate()).isEqualTo("1985-01-31");
                assertThat(r.sex()).isEqualTo("M");
            });
        } finally {
            cuadra.stop(0);
        }
    }

    private static String answerWhenReachable(int port) {
        try {
            return exchange(port, orm("C9", "NW", "9", "HEM"));
        } catch (Exception refused) {
            return null;
        }
    }

    private static boolean canConnect(int port) {
        try (Socket s = new Socket("localhost", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void awaitResults(LisSimulator lis, int n) throws InterruptedException {
        for (int i = 0; i < 40 && lis.resultsSent().size() < n; i++) {
            Thread.sleep(100);
        }
    }
}
