package io.cuadra.messaging.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MessagingSimulatorTest {

    private static final String TEMPLATE = """
            {"messaging_product":"whatsapp","to":"51987654321","type":"template","template":{"name":"cuadra_invoice_sent",
             "language":{"code":"es"},"components":[{"type":"body","parameters":[{"type":"text","text":"Ana"}]}]}}""";

    private final HttpClient http = HttpClient.newHttpClient();
    private MessagingSimulator sim;

    @BeforeEach
    void start() throws Exception {
        sim = MessagingSimulator.onPort(0, "good-token", "auth").start();
    }

    @AfterEach
    void stop() {
        sim.stop();
    }

    @Test
    void whatsappTemplateIsTakenWithAMessageIdAndKept() throws Exception {
        HttpResponse<String> r = whatsapp("Bearer good-token", TEMPLATE);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("\"messages\":[{\"id\":\"wamid.");
        assertThat(sim.received()).singleElement().satisfies(m -> {
            assertThat(m.template()).isEqualTo("cuadra_invoice_sent");
            assertThat(m.to()).isEqualTo("51987654321");
            assertThat(m.accepted()).isTrue();
        });
    }

    @Test
    void whatsappRefusesABadTokenAndABadRecipientWithGraphErrors() throws Exception {
        HttpResponse<String> token = whatsapp("Bearer wrong", TEMPLATE);
        assertThat(token.statusCode()).isEqualTo(401);
        assertThat(token.body()).contains("\"code\":190");
        HttpResponse<String> to = whatsapp("Bearer good-token", TEMPLATE.replace("51987654321", "12ab"));
        assertThat(to.statusCode()).isEqualTo(400);
        assertThat(to.body()).contains("\"code\":100");
    }

    @Test
    void smsIsCreatedWithBasicAuthAndRefusesAnInvalidNumber() throws Exception {
        HttpResponse<String> ok = sms("AC1", "auth", "To=%2B51987654321&From=%2B15005550006&Body=Hola");
        assertThat(ok.statusCode()).isEqualTo(201);
        assertThat(ok.body()).contains("\"sid\":\"SM").contains("\"status\":\"queued\"");
        HttpResponse<String> bad = sms("AC1", "auth", "To=987&From=%2B15005550006&Body=Hola");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("\"code\":21211");
        assertThat(sms("AC1", "nope", "To=%2B51987654321&From=x&Body=y").statusCode()).isEqualTo(401);
    }

    @Test
    void injectedFailuresThenSuccessAndTheRateLimit() throws Exception {
        sim.failNext(3, 500);
        for (int i = 0; i < 3; i++) {
            assertThat(whatsapp("Bearer good-token", TEMPLATE).statusCode()).isEqualTo(500);
        }
        assertThat(whatsapp("Bearer good-token", TEMPLATE).statusCode()).isEqualTo(200);
        sim.rateLimit(2);
        int limited = 0;
        for (int i = 0; i < 6; i++) {
            HttpResponse<String> r = sms("AC1", "auth", "To=%2B51987654321&From=%2B1500&Body=x");
            if (r.statusCode() == 429) {
                limited++;
                assertThat(r.body()).contains("20429");
            }
        }
        assertThat(limited).as("at most 2 a second, 6 sent within about one or two seconds").isGreaterThanOrEqualTo(2);
        HttpResponse<String> list = http.send(HttpRequest.newBuilder(URI.create(sim.baseUri() + "/simulator/received"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(list.body().lines().count()).isEqualTo(sim.received().size());
    }

    @Test
    void aRepeatedIdempotencyKeyGetsTheFirstAnswerAndSendsNothingAgainButOnlyAfterAnAcceptance() throws Exception {
        HttpResponse<String> first = whatsapp("Bearer good-token", TEMPLATE, "Idempotency-Key", "cuadra-1-42");
        HttpResponse<String> again = whatsapp("Bearer good-token", TEMPLATE, "Idempotency-Key", "cuadra-1-42");
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).as("the same wamid").isEqualTo(first.body());
        assertThat(sim.received()).hasSize(1);
        assertThat(whatsapp("Bearer good-token", TEMPLATE, "Idempotency-Key", "cuadra-1-43").body())
                .isNotEqualTo(first.body());
        assertThat(sim.received()).hasSize(2);

        sim.failNext(1, 500); // a refused send does not take its key: the retry is sent
        assertThat(sms("AC1", "auth", "To=%2B51987654321&From=%2B1500&Body=x", "Idempotency-Key", "cuadra-1-44")
                .statusCode()).isEqualTo(500);
        HttpResponse<String> sent = sms("AC1", "auth", "To=%2B51987654321&From=%2B1500&Body=x", "Idempotency-Key", "cuadra-1-44");
        assertThat(sent.statusCode()).isEqualTo(201);
        assertThat(sms("AC1", "auth", "To=%2B51987654321&From=%2B1500&Body=x", "Idempotency-Key", "cuadra-1-44").body())
                .isEqualTo(sent.body());
        assertThat(sim.received().stream().filter(Received::accepted).count()).isEqualTo(3);
        assertThat(sim.repeatsAnswered()).isEqualTo(2);
    }

    private HttpResponse<String> whatsapp(String auth, String body, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(sim.baseUri() + "/v21.0/100000000000001/messages"))
                .header("Authorization", auth).header("Content-Type", "application/json");
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return http.send(b.POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> sms(String sid, String token, String form, String... headers) throws Exception {
        String basic = Base64.getEncoder().encodeToString((sid + ":" + token).getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(sim.baseUri() + "/2010-04-01/Accounts/" + sid + "/Messages.json"))
                .header("Authorization", "Basic " + basic).header("Content-Type", "application/x-www-form-urlencoded");
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return http.send(b.POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
