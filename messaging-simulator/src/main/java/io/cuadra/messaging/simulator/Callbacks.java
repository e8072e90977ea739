package io.cuadra.messaging.simulator;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What the providers send back, as they send it: WhatsApp status and message webhooks (Meta's JSON envelope,
 * {@code X-Hub-Signature-256} with the app secret) to the webhook configured for the app; Twilio StatusCallback
 * and incoming-message form posts ({@code X-Twilio-Signature} with the account's auth token). Sent a moment
 * after the send was answered, and again (up to 8 times, 500 ms apart) while the receiver does not answer 2xx,
 * as Meta retries its webhooks.
 */
final class Callbacks {

    private static final int TRIES = 8;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final ScheduledExecutorService timer = Executors.newScheduledThreadPool(2, r -> {
        Thread t = new Thread(r, "messaging-simulator-callbacks");
        t.setDaemon(true);
        return t;
    });
    private final Set<String> undeliverable = ConcurrentHashMap.newKeySet();
    private final AtomicInteger delivered = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();
    private volatile String whatsappWebhook;
    private volatile String whatsappAppSecret = "stand-in-app-secret";
    private volatile String smsInboundUrl;
    private volatile String smsAuthToken;

    void whatsappWebhook(String url, String appSecret) {
        whatsappWebhook = url;
        whatsappAppSecret = appSecret;
    }

    void smsInbound(String url, String authToken) {
        smsInboundUrl = url;
        smsAuthToken = authToken;
    }

    /** Messages to this number are reported failed (WhatsApp 131026, Twilio 30006) instead of delivered. */
    void undeliverable(String to) {
        undeliverable.add(to.replace("+", ""));
    }

    /** Callbacks the receiver answered 2xx, and those it still refused after every try. */
    int delivered() {
        return delivered.get();
    }

    int refused() {
        return refused.get();
    }

    void reset() {
        undeliverable.clear();
        whatsappWebhook = null;
        smsInboundUrl = null;
    }

    void stop() {
        timer.shutdownNow();
    }

    /** A WhatsApp message was accepted: "sent", then "delivered" and "read" (or "failed"). */
    void whatsappSent(String wamid, String to, String opaque) {
        String url = whatsappWebhook;
        if (url == null) {
            return;
        }
        boolean fails = undeliverable.contains(to);
        String[] statuses = fails ? new String[]{"failed"} : new String[]{"sent", "delivered", "read"};
        long delay = 300;
        for (String status : statuses) {
            String errors = fails ? ",\"errors\":[{\"code\":131026,\"title\":\"Message undeliverable\"}]" : "";
            String value = "{\"messaging_product\":\"whatsapp\",\"metadata\":{\"display_phone_number\":\"15550000000\","
                    + "\"phone_number_id\":\"100000000000001\"},\"statuses\":[{\"id\":" + Json.quote(wamid)
                    + ",\"status\":\"" + status + "\",\"timestamp\":\"" + Instant.now().getEpochSecond()
                    + "\",\"recipient_id\":" + Json.quote(to) + (opaque == null ? ""
                    : ",\"biz_opaque_callback_data\":" + Json.quote(opaque)) + errors + "}]}";
            postWhatsApp(url, value, delay);
            delay += 100;
        }
    }

    /** A customer writes to the business on WhatsApp (e.g. STOP). */
    void whatsappReply(String from, String text) {
        String url = whatsappWebhook;
        if (url == null) {
            throw new IllegalStateException("No WhatsApp webhook configured");
        }
        String value = "{\"messaging_product\":\"whatsapp\",\"metadata\":{\"display_phone_number\":\"15550000000\","
                + "\"phone_number_id\":\"100000000000001\"},\"contacts\":[{\"profile\":{\"name\":\"Cliente\"},\"wa_id\":"
                + Json.quote(from.replace("+", "")) + "}],\"messages\":[{\"from\":" + Json.quote(from.replace("+", ""))
                + ",\"id\":\"wamid.IN" + System.nanoTime() + "\",\"timestamp\":\"" + Instant.now().getEpochSecond()
                + "\",\"type\":\"text\",\"text\":{\"body\":" + Json.quote(text) + "}}]}";
        postWhatsApp(url, value, 0);
    }

    /** A Twilio message was accepted with a StatusCallback: "sent", then "delivered" (or "undelivered"). */
    void smsSent(String sid, String accountSid, String authToken, Map<String, String> request) {
        String url = request.get("StatusCallback");
        if (url == null || url.isBlank()) {
            return;
        }
        boolean fails = undeliverable.contains(request.getOrDefault("To", "").replace("+", ""));
        long delay = 300;
        for (String status : fails ? new String[]{"sent", "undelivered"} : new String[]{"sent", "delivered"}) {
            Map<String, String> form = new TreeMap<>(Map.of("MessageSid", sid, "SmsSid", sid, "AccountSid", accountSid,
                    "From", request.getOrDefault("From", ""), "To", request.getOrDefault("To", ""),
                    "MessageStatus", status, "SmsStatus", status, "ApiVersion", "2010-04-01"));
            if (fails && status.equals("undelivered")) {
                form.put("ErrorCode", "30006");
            }
            postTwilio(url, form, authToken, delay);
            delay += 100;
        }
    }

    /** A customer answers by SMS (e.g. STOP): Twilio posts the incoming message to the number's webhook. */
    void smsReply(String from, String to, String text) {
        String url = smsInboundUrl;
        if (url == null) {
            throw new IllegalStateException("No SMS inbound webhook configured");
        }
        String sid = "SM" + Long.toHexString(System.nanoTime()) + "in";
        Map<String, String> form = new TreeMap<>(Map.of("MessageSid", sid, "SmsSid", sid,
                "AccountSid", "AC00000000000000000000000000000001", "From", from, "To", to, "Body", text,
                "NumMedia", "0", "ApiVersion", "2010-04-01"));
        postTwilio(url, form, smsAuthToken, 0);
    }

    private void postWhatsApp(String url, String value, long delayMs) {
        String body = "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"100000000000002\",\"changes\":"
                + "[{\"value\":" + value + ",\"field\":\"messages\"}]}]}";
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header("X-Hub-Signature-256", "sha256=" + HexFormat.of().formatHex(
                        hmac("HmacSHA256", whatsappAppSecret, bytes)))
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build();
        post(request, delayMs, 1);
    }

    private void postTwilio(String url, Map<String, String> sortedForm, String authToken, long delayMs) {
        StringBuilder signed = new StringBuilder(url);
        sortedForm.forEach((k, v) -> signed.append(k).append(v));
        String signature = Base64.getEncoder().encodeToString(hmac("HmacSHA1", authToken,
                signed.toString().getBytes(StandardCharsets.UTF_8)));
        String body = sortedForm.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Twilio-Signature", signature)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        post(request, delayMs, 1);
    }

    private void post(HttpRequest request, long delayMs, int attempt) {
        timer.schedule(() -> {
            int status;
            try {
                status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            } catch (Exception e) {
                status = 0;
            }
            if (status >= 200 && status < 300) {
                delivered.incrementAndGet();
            } else if (attempt < TRIES) {
                post(request, 500, attempt + 1);
            } else {
                refused.incrementAndGet();
            }
        }, delayMs, TimeUnit.MILLISECONDS);
    }

    private static byte[] hmac(String algorithm, String key, byte[] data) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec((key == null || key.isEmpty() ? "stand-in-token" : key).getBytes(StandardCharsets.UTF_8), algorithm));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
