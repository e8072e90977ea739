package io.cuadra.messaging.simulator;

import com.sun.net.httpserver.HttpExchange;
import io.cuadra.simulator.support.HttpStandIn;
import io.cuadra.simulator.support.StandInHttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;

/**
 * Local WhatsApp Business Cloud API and Twilio-compatible SMS API on one port, for the run command and the tests.
 *
 * <pre>{@code
 * try (MessagingSimulator sim = MessagingSimulator.onPort(0).start()) {
 *     URI base = sim.baseUri();           // both APIs: {base}/v21.0/{phone-number-id}/messages, {base}/2010-04-01/...
 *     sim.failNext(3, 500);               // the next three sends answer 500
 *     sim.rateLimit(10);                  // more than 10 sends in a second answer 429
 *     List<Received> seen = sim.received();
 * }
 * }</pre>
 * Controls over HTTP: {@code GET /simulator/received} (tab-separated lines), {@code POST /simulator/fail?requests=N&status=S},
 * {@code POST /simulator/rate-limit?perSecond=N}, {@code POST /simulator/reset},
 * {@code POST /simulator/webhooks?whatsapp=URL&appSecret=S&smsInbound=URL&smsAuthToken=T} (where the providers
 * call back), {@code POST /simulator/reply?api=SMS|WHATSAPP&from=E164&text=STOP} (a customer answers),
 * {@code POST /simulator/undeliverable?to=E164} (reported failed instead of delivered). A send with an
 * {@value #IDEMPOTENCY_KEY} header is taken once per key (see {@link #IDEMPOTENCY_KEY}).
 */
public final class MessagingSimulator extends HttpStandIn {

    public static final String CONTROL_PATH = "/simulator/";
    /**
     * A send carrying this header is taken once per key (per API): a repeat after an acceptance gets the first
     * answer again, with the same provider id, and nothing is sent or called back twice.
     */
    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    private static final int KEEP_AT_MOST = 200_000;

    private final InetSocketAddress address;
    private final WhatsAppCloudApi whatsapp;
    private final TwilioMessagesApi sms;
    private final Callbacks callbacks = new Callbacks();
    private final List<Received> received = new ArrayList<>();
    private final AtomicInteger failures = new AtomicInteger();
    private final Map<String, Answer> acceptedByKey = new ConcurrentHashMap<>();
    private final Map<String, Object> keyLocks = new ConcurrentHashMap<>();
    private final AtomicInteger repeatsAnswered = new AtomicInteger();
    private volatile int failureStatus = 500;
    private volatile int perSecond = Integer.MAX_VALUE;
    private long windowSecond;
    private int windowCount;

    private MessagingSimulator(InetSocketAddress address, String whatsappToken, String smsAuthToken) {
        this.address = address;
        this.whatsapp = new WhatsAppCloudApi(whatsappToken);
        this.sms = new TwilioMessagesApi(smsAuthToken);
    }

    /** Loopback, any bearer token and any SMS auth token accepted (only their presence and form are checked). */
    public static MessagingSimulator onPort(int port) {
        return new MessagingSimulator(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), null, null);
    }

    /** Only these credentials are accepted (a wrong one answers 401 as the real APIs do). */
    public static MessagingSimulator onPort(int port, String whatsappToken, String smsAuthToken) {
        return new MessagingSimulator(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), whatsappToken,
                smsAuthToken);
    }

    public MessagingSimulator start() throws IOException {
        startServer();
        return this;
    }

    @Override
    protected StandInHttpServer open() throws IOException {
        return StandInHttpServer.start(address, 64, 8, "messaging-simulator", Map.of("/", this::handle));
    }

    @Override
    protected void beforeStop() {
        callbacks.stop();
    }

    /** The next {@code requests} sends (either API) answer {@code status} (500, 503...) without taking the message. */
    public void failNext(int requests, int status) {
        failureStatus = status;
        failures.set(requests);
    }

    /** At most {@code perSecond} sends are taken per second; the rest answer 429 as the providers do. */
    public void rateLimit(int perSecond) {
        this.perSecond = perSecond <= 0 ? Integer.MAX_VALUE : perSecond;
    }

    /**
     * Where WhatsApp posts its webhooks (statuses of sent messages, customers' messages), signed with
     * {@code appSecret}; null stops them. Twilio status callbacks go to each message's own StatusCallback.
     */
    public void whatsappWebhook(String url, String appSecret) {
        callbacks.whatsappWebhook(url, appSecret);
    }

    /** Where Twilio posts the SMS customers send to the business number, signed with {@code authToken}. */
    public void smsInbound(String url, String authToken) {
        callbacks.smsInbound(url, authToken);
    }

    /** A customer writes {@code text} from {@code from} (E.164) on "SMS" or "WHATSAPP": posted to the webhook. */
    public void reply(String api, String from, String text) {
        if (api.equals("WHATSAPP")) {
            callbacks.whatsappReply(from, text);
        } else {
            callbacks.smsReply(from, "+15005550006", text);
        }
    }

    /** Messages to this number are reported undelivered/failed by the callbacks. */
    public void undeliverable(String to) {
        callbacks.undeliverable(to);
    }

    /** Callbacks the receiver took (2xx) so far, and those it refused after every retry. */
    public int callbacksTaken() {
        return callbacks.delivered();
    }

    public int callbacksRefused() {
        return callbacks.refused();
    }

    /** Everything answered so far, oldest first (a copy). */
    public synchronized List<Received> received() {
        return List.copyOf(received);
    }

    /** Sends answered from an earlier acceptance of their idempotency key (nothing sent again). */
    public int repeatsAnswered() {
        return repeatsAnswered.get();
    }

    public synchronized void reset() {
        received.clear();
        acceptedByKey.clear();
        keyLocks.clear();
        repeatsAnswered.set(0);
        callbacks.reset();
        failures.set(0);
        perSecond = Integer.MAX_VALUE;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            if (path.startsWith(CONTROL_PATH)) {
                control(exchange, path.substring(CONTROL_PATH.length()), method);
                return;
            }
            Matcher wa = WhatsAppCloudApi.PATH.matcher(path);
            Matcher tw = TwilioMessagesApi.PATH.matcher(path);
            if (!"POST".equals(method) || !(wa.matches() || tw.matches())) {
                reply(exchange, new Answer(404, "{\"error\":{\"message\":\"Unknown path " + path + "\",\"code\":803}}"));
                return;
            }
            String body = read(exchange.getRequestBody());
            String api = wa.matches() ? "WHATSAPP" : "SMS";
            String key = exchange.getRequestHeaders().getFirst(IDEMPOTENCY_KEY);
            if (key == null || key.isBlank()) {
                send(exchange, api, wa, tw, body, null);
                return;
            }
            // One send per key at a time: a repeat waits for the first and then gets its answer, nothing sent again.
            String scoped = api + ":" + key.strip();
            synchronized (keyLocks.computeIfAbsent(scoped, k -> new Object())) {
                Answer earlier = acceptedByKey.get(scoped);
                if (earlier != null) {
                    repeatsAnswered.incrementAndGet();
                    reply(exchange, earlier);
                    return;
                }
                send(exchange, api, wa, tw, body, scoped);
            }
        }
    }

    /** One send as the provider takes it; an accepted one is remembered under its idempotency key, if any. */
    private void send(HttpExchange exchange, String api, Matcher wa, Matcher tw, String body, String key)
            throws IOException {
        Answer refusal = gate(api);
        Received[] kept = new Received[1];
        Answer answer;
        if (refusal != null) {
            answer = refusal;
            String to = wa.matches() ? Json.string(body, "to") : TwilioMessagesApi.form(body).get("To");
            kept[0] = new Received(api, null, to, null, null, body, refusal.status(), java.time.Instant.now());
        } else if (wa.matches()) {
            answer = whatsapp.send(exchange.getRequestHeaders().getFirst("Authorization"), body, kept);
        } else {
            answer = sms.send(tw.group(1), exchange.getRequestHeaders().getFirst("Authorization"), body, kept);
        }
        keep(kept[0]);
        if (key != null && kept[0] != null && kept[0].accepted()) {
            acceptedByKey.put(key, answer);
        }
        reply(exchange, answer);
        if (kept[0] != null && kept[0].accepted()) {
            if (api.equals("WHATSAPP")) {
                callbacks.whatsappSent(kept[0].id(), kept[0].to(), kept[0].reference());
            } else {
                String[] credentials = TwilioMessagesApi.basic(exchange.getRequestHeaders().getFirst("Authorization"));
                callbacks.smsSent(kept[0].id(), tw.group(1), credentials[1], TwilioMessagesApi.form(body));
            }
        }
    }

    /** Injected failures first, then the rate limit; null lets the request through. */
    private Answer gate(String api) {
        if (failures.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0) {
            int status = failureStatus;
            if (status == 429) {
                return api.equals("WHATSAPP") ? WhatsAppCloudApi.rateLimited() : TwilioMessagesApi.rateLimited();
            }
            return api.equals("WHATSAPP") ? WhatsAppCloudApi.error(status, 1, "OAuthException",
                    "An unknown error has occurred.") : TwilioMessagesApi.error(status, 20500, "Internal Server Error");
        }
        synchronized (this) {
            long second = System.currentTimeMillis() / 1000;
            if (second != windowSecond) {
                windowSecond = second;
                windowCount = 0;
            }
            if (++windowCount > perSecond) {
                return api.equals("WHATSAPP") ? WhatsAppCloudApi.rateLimited() : TwilioMessagesApi.rateLimited();
            }
        }
        return null;
    }

    private synchronized void keep(Received r) {
        if (r != null) {
            if (received.size() >= KEEP_AT_MOST) {
                received.remove(0);
            }
            received.add(r);
        }
    }

    private void control(HttpExchange exchange, String what, String method) throws IOException {
        String query = exchange.getRequestURI().getQuery();
        switch (what) {
            case "received" -> {
                StringBuilder b = new StringBuilder();
                for (Received r : received()) {
                    b.append(r.line()).append('\n');
                }
                reply(exchange, 200, "text/tab-separated-values; charset=utf-8", b.toString());
            }
            case "fail" -> {
                failNext(intParam(query, "requests", 1), intParam(query, "status", 500));
                reply(exchange, 204, null, "");
            }
            case "rate-limit" -> {
                rateLimit(intParam(query, "perSecond", 0));
                reply(exchange, 204, null, "");
            }
            case "webhooks" -> {
                String wa = param(query, "whatsapp");
                if (wa != null) {
                    whatsappWebhook(wa, param(query, "appSecret"));
                }
                String in = param(query, "smsInbound");
                if (in != null) {
                    smsInbound(in, param(query, "smsAuthToken"));
                }
                reply(exchange, 204, null, "");
            }
            case "reply" -> {
                reply(String.valueOf(param(query, "api")).toUpperCase(java.util.Locale.ROOT), param(query, "from"),
                        param(query, "text"));
                reply(exchange, 204, null, "");
            }
            case "undeliverable" -> {
                undeliverable(param(query, "to"));
                reply(exchange, 204, null, "");
            }
            case "reset" -> {
                reset();
                reply(exchange, 204, null, "");
            }
            default -> reply(exchange, 404, "text/plain", "received | fail | rate-limit | webhooks | reply | undeliverable | reset (" + method + ")");
        }
    }

    private static String param(String query, String name) {
        if (query != null) {
            for (String pair : query.split("&")) {
                if (pair.startsWith(name + "=")) {
                    return java.net.URLDecoder.decode(pair.substring(name.length() + 1), StandardCharsets.UTF_8);
                }
            }
        }
        return null;
    }

    private static int intParam(String query, String name, int fallback) {
        if (query != null) {
            for (String pair : query.split("&")) {
                if (pair.startsWith(name + "=")) {
                    try {
                        return Integer.parseInt(pair.substring(name.length() + 1));
                    } catch (NumberFormatException e) {
                        return fallback;
                    }
                }
            }
        }
        return fallback;
    }

    private static String read(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    private static void reply(HttpExchange exchange, Answer answer) throws IOException {
        reply(exchange, answer.status(), "application/json", answer.json());
    }

    private static void reply(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        if (type != null) {
            exchange.getResponseHeaders().set("Content-Type", type);
        }
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    /** {@code java -jar messaging-simulator.jar [--port 8087]} */
    public static void main(String[] args) throws IOException {
        int port = 8087;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--port") && i + 1 < args.length) {
                port = Integer.parseInt(args[++i]);
            } else {
                throw new IllegalArgumentException("Unknown argument " + args[i] + "; usage: [--port N]");
            }
        }
        MessagingSimulator sim = onPort(port).start();
        Runtime.getRuntime().addShutdownHook(new Thread(sim::stop, "messaging-simulator-shutdown"));
        System.out.println("Messaging stand-ins at " + sim.baseUri() + " (WhatsApp Cloud API and Twilio Messages);"
                + " controls at " + sim.baseUri() + CONTROL_PATH + "{received,fail,rate-limit,reset}");
    }
}
