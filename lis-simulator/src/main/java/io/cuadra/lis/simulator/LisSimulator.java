package io.cuadra.lis.simulator;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.llp.LLPException;
import ca.uhn.hl7v2.llp.MinLLPReader;
import ca.uhn.hl7v2.llp.MinLLPWriter;
import ca.uhn.hl7v2.model.Message;
import com.sun.net.httpserver.HttpExchange;
import io.cuadra.simulator.support.HttpStandIn;
import io.cuadra.simulator.support.StandInHttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A local laboratory information system for the run command and the tests.
 * <ul>
 * <li>MLLP port: takes ORM^O01 (ORC-1 NW or CA) and answers the HL7 ACK;</li>
 * <li>HTTP port: {@code POST /lis/orders} takes the JSON order (checking the configured authentication header),
 *     and {@code /simulator/...} steers it;</li>
 * <li>results: for every new order acknowledged, an ORU^R01 goes to Cuadra's MLLP results port after a delay
 *     (a cancelled order gets none) — or, when told, the same results as JSON to Cuadra's REST callback.</li>
 * </ul>
 * It can be told to answer AE or AR, to delay its answers, to drop messages (close without answering) and to
 * stop listening on MLLP (the LIS is down).
 *
 * <pre>{@code
 * try (LisSimulator lis = LisSimulator.on(mllpPort, httpPort).resultsTo("localhost", cuadraMllpPort).start()) {
 *     lis.answerNext(1, "AR");  lis.down(); lis.up();  lis.received();  lis.resultsSent();
 * }
 * }</pre>
 * Controls over HTTP (plain text answers): {@code GET /simulator/received}, {@code GET /simulator/results},
 * {@code POST /simulator/answer?code=AE&count=N}, {@code POST /simulator/delay?ms=N},
 * {@code POST /simulator/drop?count=N}, {@code POST /simulator/mllp?up=false}, {@code POST /simulator/results-delay?ms=N}
 * (negative: no results), {@code POST /simulator/resend-results?placer=P} (the same ORU again),
 * {@code POST /simulator/results-rest?url=U&token=T} (results to Cuadra's REST callback; no url: MLLP again),
 * {@code POST /simulator/reset}.
 */
public final class LisSimulator extends HttpStandIn {

    public static final String CONTROL_PATH = "/simulator/";
    public static final String ORDERS_PATH = "/lis/orders";
    private static final int KEEP_AT_MOST = 200_000;

    private final int mllpPort;
    private final int httpPort;
    private final List<Received> received = new ArrayList<>();
    private final List<ResultSent> resultsSent = new ArrayList<>();
    private final Map<String, ScheduledFuture<?>> pendingResults = new ConcurrentHashMap<>();
    private final Map<String, String> lastResults = new ConcurrentHashMap<>();
    private final AtomicInteger refusals = new AtomicInteger();
    private final AtomicInteger drops = new AtomicInteger();
    private final AtomicLong resultIds = new AtomicLong();
    private volatile String refusalCode = "AE";
    private volatile long answerDelayMs;
    private volatile long resultsDelayMs = 2000;
    private volatile String resultsHost;
    private volatile int resultsPort;
    /** Set: results go to Cuadra's REST callback with this bearer token instead of its MLLP port. */
    private volatile URI resultsUrl;
    private volatile String resultsToken;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private volatile String authHeader;
    private volatile String authValue;
    private volatile ServerSocket mllp;
    private ScheduledExecutorService scheduler;

    private LisSimulator(int mllpPort, int httpPort) {
        this.mllpPort = mllpPort;
        this.httpPort = httpPort;
    }

    /** Loopback ports: MLLP for HL7 orders, HTTP for REST orders and the controls (0: any free port). */
    public static LisSimulator on(int mllpPort, int httpPort) {
        return new LisSimulator(mllpPort, httpPort);
    }

    /** Where results go: Cuadra's MLLP results port. Without it, no results are sent. */
    public LisSimulator resultsTo(String host, int port) {
        this.resultsHost = host;
        this.resultsPort = port;
        return this;
    }

    /**
     * Results go to Cuadra's REST results callback ({@code .../api/hooks/lis/TENANT/results}) with
     * the header {@code X-Lis-Token: token}; null url: back to MLLP. {@link #reset()} goes back to MLLP too.
     */
    public LisSimulator resultsToRest(URI url, String token) {
        this.resultsToken = token;
        this.resultsUrl = url;
        return this;
    }

    /** REST orders must carry this header with this value (401 otherwise); null: none asked. */
    public LisSimulator requireHeader(String name, String value) {
        this.authHeader = name;
        this.authValue = value;
        return this;
    }

    public synchronized LisSimulator start() throws IOException {
        startServer();
        up();
        return this;
    }

    @Override
    protected StandInHttpServer open() throws IOException {
        scheduler = Executors.newScheduledThreadPool(2, StandInHttpServer.daemon("lis-simulator-results"));
        // MLLP connections are served by the same workers as HTTP requests.
        return StandInHttpServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), httpPort), 64, 16,
                "lis-simulator", Map.of("/", this::handleHttp));
    }

    @Override
    protected void beforeStop() {
        down();
        scheduler.shutdownNow();
    }

    /** Opens the MLLP port (again): the LIS is back. */
    public synchronized void up() throws IOException {
        if (mllp != null) {
            return;
        }
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), mllpPort == 0 && boundMllp > 0
                ? boundMllp : mllpPort), 64);
        boundMllp = socket.getLocalPort();
        mllp = socket;
        Thread acceptor = new Thread(() -> accept(socket), "lis-simulator-mllp");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private volatile int boundMllp;

    /** Closes the MLLP port: connections are refused until {@link #up()}. */
    public synchronized void down() {
        ServerSocket socket = mllp;
        mllp = null;
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }

    public int mllpPort() {
        return boundMllp;
    }

    public int httpPort() {
        return port();
    }

    /** The next {@code count} orders are answered {@code code} (AE or AR; over REST 422 / 400). */
    public void answerNext(int count, String code) {
        refusalCode = code;
        refusals.set(count);
    }

    /** Every answer waits this long first (a slow LIS; above Cuadra's read timeout it is a timeout). */
    public void delayAnswers(long ms) {
        answerDelayMs = Math.max(0, ms);
    }

    /** The next {@code count} orders are read and the connection closed without an answer. */
    public void dropNext(int count) {
        drops.set(count);
    }

    /** How long after acknowledging an order its results are sent; negative: never. */
    public LisSimulator resultsDelay(long ms) {
        resultsDelayMs = ms;
        return this;
    }

    public synchronized List<Received> received() {
        return List.copyOf(received);
    }

    public synchronized List<ResultSent> resultsSent() {
        return List.copyOf(resultsSent);
    }

    public synchronized void reset() {
        received.clear();
        resultsSent.clear();
        refusals.set(0);
        drops.set(0);
        answerDelayMs = 0;
        resultsDelayMs = 2000;
        resultsUrl = null;
        resultsToken = null;
        pendingResults.values().forEach(f -> f.cancel(false));
        pendingResults.clear();
    }

    /** Sends the last results of an order again, identical (same control id): Cuadra must change nothing. */
    public ResultSent resendResults(String placer) {
        String oru = lastResults.get(placer);
        if (oru == null) {
            throw new IllegalStateException("No results were sent for " + placer);
        }
        URI rest = resultsUrl;
        if (oru.startsWith("{")) {
            if (rest == null) {
                throw new IllegalStateException("Results of " + placer + " went over REST; no callback is set now");
            }
            return deliverResultsRest(placer, oru, rest, resultsToken);
        }
        return deliverResults(placer, oru);
    }

    // --- MLLP ---

    private void accept(ServerSocket socket) {
        while (!socket.isClosed()) {
            try {
                Socket connection = socket.accept();
                if (socket != mllp) {
                    // Taken down while this thread waited in accept: the kernel may still hand over one connection
                    // before the close completes. A down simulator answers nothing.
                    connection.close();
                    return;
                }
                StandInHttpServer server = server();
                if (server == null) {
                    connection.close(); // stopped meanwhile
                    return;
                }
                server.execute(() -> serve(connection));
            } catch (SocketException closed) {
                return;
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket connection) {
        try (connection) {
            connection.setSoTimeout(60_000);
            MinLLPReader reader = new MinLLPReader(connection.getInputStream(), StandardCharsets.ISO_8859_1);
            MinLLPWriter writer = new MinLLPWriter(connection.getOutputStream(), StandardCharsets.ISO_8859_1);
            for (String text; (text = reader.getMessage()) != null; ) {
                String answer = answerHl7(text);
                if (answer == null) {
                    return; // dropped: close without answering
                }
                writer.writeMessage(answer);
            }
        } catch (IOException | LLPException e) {
            // the peer went away; nothing to answer
        }
    }

    private String answerHl7(String text) {
        pause();
        Message message;
        OrderMessages.Order order;
        try {
            message = OrderMessages.parser().parse(text);
            order = OrderMessages.readHl7(message);
        } catch (HL7Exception e) {
            record(Received.unreadable("MLLP", "AR"));
            return rejectUnreadable(text, e);
        }
        if (takeOne(drops)) {
            record(Received.of("MLLP", order, "DROPPED"));
            return null;
        }
        String code = takeOne(refusals) ? refusalCode : "AA";
        record(Received.of("MLLP", order, code));
        if ("AA".equals(code)) {
            accepted(order);
        }
        try {
            return OrderMessages.ack(message, code, "AA".equals(code) ? null : "Refused by the simulator (" + code + ")");
        } catch (HL7Exception | IOException e) {
            return rejectUnreadable(text, e);
        }
    }

    private static String rejectUnreadable(String text, Exception e) {
        try {
            return OrderMessages.ack(OrderMessages.parser().parse(text), "AR", e.getMessage());
        } catch (HL7Exception | IOException unreadable) {
            // Not even an MSH HAPI can read: a minimal ACK with nothing echoed (MSH-9 ACK, MSH-10, MSH-11, MSH-12).
            return "MSH|^~\\&|LIS-SIM||||||ACK|" + System.nanoTime() + "|P|2.5\rMSA|AR||Unreadable message";
        }
    }

    // --- results ---

    private void accepted(OrderMessages.Order order) {
        if ("CA".equals(order.action())) {
            ScheduledFuture<?> pending = pendingResults.remove(order.placer());
            if (pending != null) {
                pending.cancel(false);
            }
            return;
        }
        long delay = resultsDelayMs;
        URI rest = resultsUrl;
        String token = resultsToken;
        if (delay < 0 || (resultsHost == null && rest == null)) {
            return;
        }
        pendingResults.put(order.placer(), scheduler.schedule(() -> {
            pendingResults.remove(order.placer());
            if (rest != null) {
                String json = OrderMessages.resultsJson(order, "SIMR" + resultIds.incrementAndGet());
                lastResults.put(order.placer(), json);
                deliverResultsRest(order.placer(), json, rest, token);
                return;
            }
            try {
                String oru = OrderMessages.results(order, "SIMR" + resultIds.incrementAndGet());
                lastResults.put(order.placer(), oru);
                deliverResults(order.placer(), oru);
            } catch (HL7Exception | IOException e) {
                record(new ResultSent(Instant.now(), order.placer(), null, "ERROR", e.getMessage()));
            }
        }, delay, TimeUnit.MILLISECONDS));
    }

    private ResultSent deliverResults(String placer, String oru) {
        String controlId = controlIdOf(oru);
        ResultSent sent;
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(resultsHost, resultsPort), 3000);
            socket.setSoTimeout(30_000);
            new MinLLPWriter(socket.getOutputStream(), StandardCharsets.ISO_8859_1).writeMessage(oru);
            String ack = new MinLLPReader(socket.getInputStream(), StandardCharsets.ISO_8859_1).getMessage();
            String[] code = ack == null ? new String[]{"NONE", "Closed without ACK"} : OrderMessages.ackCode(ack);
            sent = new ResultSent(Instant.now(), placer, controlId, code[0], code[1]);
        } catch (IOException | LLPException e) {
            sent = new ResultSent(Instant.now(), placer, controlId, "ERROR", e.getMessage());
        }
        record(sent);
        return sent;
    }

    /** Posts results to Cuadra's REST callback; the answer's status stands where an ACK code would. */
    private ResultSent deliverResultsRest(String placer, String json, URI url, String token) {
        String messageId = json.substring(json.indexOf(":\"") + 2, json.indexOf('"', json.indexOf(":\"") + 2));
        ResultSent sent;
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
            if (token != null) {
                request.header("X-Lis-Token", token);
            }
            HttpResponse<String> answer = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            sent = new ResultSent(Instant.now(), placer, messageId, Integer.toString(answer.statusCode()), answer.body());
        } catch (IOException e) {
            sent = new ResultSent(Instant.now(), placer, messageId, "ERROR", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            sent = new ResultSent(Instant.now(), placer, messageId, "ERROR", "Interrupted");
        }
        record(sent);
        return sent;
    }

    private static String controlIdOf(String hl7) {
        String[] fields = hl7.split("\r", 2)[0].split("\\|");
        return fields.length > 9 ? fields[9] : null;
    }

    // --- HTTP ---

    private void handleHttp(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (path.startsWith(CONTROL_PATH)) {
                control(exchange, path.substring(CONTROL_PATH.length()));
                return;
            }
            if (!ORDERS_PATH.equals(path) || !"POST".equals(exchange.getRequestMethod())) {
                reply(exchange, 404, "application/json", "{\"error\":\"Unknown path " + path + "\"}");
                return;
            }
            if (authHeader != null && !authValue.equals(exchange.getRequestHeaders().getFirst(authHeader))) {
                reply(exchange, 401, "application/json", "{\"error\":\"Missing or wrong " + authHeader + "\"}");
                return;
            }
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            pause();
            OrderMessages.Order order;
            try {
                order = OrderMessages.readJson(body);
            } catch (IllegalArgumentException e) {
                record(Received.unreadable("REST", "400"));
                reply(exchange, 400, "application/json", "{\"error\":\"" + e.getMessage() + "\"}");
                return;
            }
            if (takeOne(drops)) {
                record(Received.of("REST", order, "DROPPED"));
                exchange.getResponseBody().close();
                return;
            }
            boolean refused = takeOne(refusals);
            int status = refused ? ("AR".equals(refusalCode) ? 400 : 422) : 201;
            record(Received.of("REST", order, Integer.toString(status)));
            if (!refused) {
                accepted(order);
            }
            reply(exchange, status, "application/json", refused
                    ? "{\"accepted\":false,\"error\":\"Refused by the simulator (" + refusalCode + ")\"}"
                    : "{\"accepted\":true,\"messageId\":\"" + order.controlId() + "\"}");
        }
    }

    private void control(HttpExchange exchange, String command) throws IOException {
        Map<String, String> q = query(exchange.getRequestURI().getRawQuery());
        boolean post = "POST".equals(exchange.getRequestMethod());
        StringBuilder out = new StringBuilder();
        try {
            switch (command) {
                case "received" -> received().forEach(r -> out.append(r.line()).append('\n'));
                case "results" -> resultsSent().forEach(r -> out.append(r.line()).append('\n'));
                case "answer" -> requirePost(post, () -> answerNext(Integer.parseInt(q.getOrDefault("count", "1")),
                        q.getOrDefault("code", "AE")));
                case "delay" -> requirePost(post, () -> delayAnswers(Long.parseLong(q.getOrDefault("ms", "0"))));
                case "drop" -> requirePost(post, () -> dropNext(Integer.parseInt(q.getOrDefault("count", "1"))));
                case "results-delay" -> requirePost(post, () -> resultsDelay(Long.parseLong(q.getOrDefault("ms", "2000"))));
                case "results-rest" -> requirePost(post, () -> resultsToRest(q.getOrDefault("url", "").isBlank() ? null
                        : URI.create(q.get("url")), q.get("token")));
                case "resend-results" -> out.append(resendResults(q.get("placer")).line()).append('\n');
                case "mllp" -> {
                    if (Boolean.parseBoolean(q.getOrDefault("up", "true"))) {
                        up();
                    } else {
                        down();
                    }
                }
                case "reset" -> requirePost(post, this::reset);
                default -> {
                    reply(exchange, 404, "text/plain", "Unknown control " + command + "\n");
                    return;
                }
            }
        } catch (RuntimeException e) {
            reply(exchange, 400, "text/plain", e.getMessage() + "\n");
            return;
        }
        reply(exchange, 200, "text/plain", out.length() == 0 ? "OK\n" : out.toString());
    }

    private static void requirePost(boolean post, Runnable action) {
        if (!post) {
            throw new IllegalArgumentException("Use POST for this control");
        }
        action.run();
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> q = new HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                String[] kv = pair.split("=", 2);
                q.put(java.net.URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                        kv.length > 1 ? java.net.URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
            }
        }
        return q;
    }

    private static void reply(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type + "; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    // --- helpers ---

    private void pause() {
        long ms = answerDelayMs;
        if (ms > 0) {
            try {
                Thread.sleep(ms);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static boolean takeOne(AtomicInteger counter) {
        return counter.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0;
    }

    private synchronized void record(Received r) {
        if (received.size() >= KEEP_AT_MOST) {
            received.remove(0);
        }
        received.add(r);
    }

    private synchronized void record(ResultSent r) {
        if (resultsSent.size() >= KEEP_AT_MOST) {
            resultsSent.remove(0);
        }
        resultsSent.add(r);
    }

    /**
     * {@code java -jar lis-simulator.jar MLLP_PORT HTTP_PORT [RESULTS_HOST:PORT]}: runs until stopped.
     */
    public static void main(String[] args) throws Exception {
        int mllpPort = args.length > 0 ? Integer.parseInt(args[0]) : 2575;
        int httpPort = args.length > 1 ? Integer.parseInt(args[1]) : 8092;
        LisSimulator sim = on(mllpPort, httpPort);
        if (args.length > 2) {
            String[] hp = args[2].split(":");
            sim.resultsTo(hp[0], Integer.parseInt(hp[1]));
        }
        sim.start();
        System.out.println("LIS stand-in: MLLP orders on " + sim.mllpPort() + ", REST orders at " + sim.baseUri()
                + ORDERS_PATH + ", controls at " + sim.baseUri() + CONTROL_PATH);
        Runtime.getRuntime().addShutdownHook(new Thread(sim::stop));
        Thread.currentThread().join();
    }
}
