package io.cuadra.web.platform;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import static org.assertj.core.api.Assertions.assertThat;

/** Request ids, the JSON log line, the HTTPS redirect's target, the scraper's credential. */
class OperationsPlatformTest {

    @Test
    void aRequestIdIsTakenOnlyWhenWellFormed() {
        assertThat(RequestId.accepted("0b8f6f0e-3c1d-4a57-9d36-2f7d0f3e9a11")).isPresent();
        assertThat(RequestId.accepted(" lb.7_a-1 ")).hasValue("lb.7_a-1");
        assertThat(RequestId.accepted("bad id")).isEmpty();
        assertThat(RequestId.accepted("x\"}{\"level\":\"SEVERE")).as("no forged log fields").isEmpty();
        assertThat(RequestId.accepted("a".repeat(65))).isEmpty();
        assertThat(RequestId.accepted("")).isEmpty();
        assertThat(RequestId.accepted(null)).isEmpty();
    }

    @Test
    void aRequestIsOneJsonLineWithItsContext() {
        String line = new JsonLogFormatter().format(new RequestRecord("POST", "/api/orders", 201, 12_345, "req-1", 7L, 42L));
        assertThat(line).endsWith("\n").doesNotContain("\n\n");
        assertThat(line.strip()).doesNotContain("\n");
        JsonObject json = Json.createReader(new StringReader(line)).readObject();
        assertThat(json.getString("logger")).isEqualTo("io.cuadra.request");
        assertThat(json.getString("level")).isEqualTo("INFO");
        assertThat(json.getString("method")).isEqualTo("POST");
        assertThat(json.getString("path")).isEqualTo("/api/orders");
        assertThat(json.getInt("status")).isEqualTo(201);
        assertThat(json.getJsonNumber("durationMs").bigDecimalValue()).isEqualByComparingTo("12.3");
        assertThat(json.getString("requestId")).isEqualTo("req-1");
        assertThat(json.getJsonNumber("tenant").longValue()).isEqualTo(7);
        assertThat(json.getJsonNumber("user").longValue()).isEqualTo(42);
        assertThat(json.getString("ts")).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
    }

    @Test
    void anApplicationLineCarriesTheThreadsRequestAndItsError() {
        LogRecord record = new LogRecord(Level.SEVERE, "Incident {0}");
        record.setParameters(new Object[]{"abc"});
        record.setLoggerName("io.cuadra.web.platform.ProblemMapper");
        record.setThrown(new IllegalStateException("boom \"quoted\"\nsecond line"));
        RequestId.bind("req-2");
        String line;
        try {
            line = new JsonLogFormatter().format(record);
        } finally {
            RequestId.unbind();
        }
        JsonObject json = Json.createReader(new StringReader(line)).readObject();
        assertThat(json.getString("message")).isEqualTo("Incident abc");
        assertThat(json.getString("requestId")).isEqualTo("req-2");
        assertThat(json.isNull("tenant")).isTrue();
        assertThat(json.getString("error")).contains("IllegalStateException").contains("second line");
        assertThat(line.strip().lines().count()).as("one line, whatever the message holds").isEqualTo(1);
    }

    @Test
    void plainHttpGoesToThePublicHttpsOriginNeverToTheRequestsHost() {
        assertThat(HttpsOnly.httpsOrigin("https://cuadra.example:8443/app/")).hasValue(URI.create("https://cuadra.example:8443"));
        assertThat(HttpsOnly.httpsOrigin("http://localhost:8080/")).as("no HTTPS address: no redirect").isEmpty();
        assertThat(HttpsOnly.httpsOrigin(null)).isEmpty();
        assertThat(HttpsOnly.location(URI.create("https://localhost:8181"), "/login.xhtml", "next=%2Forders.xhtml"))
                .isEqualTo("https://localhost:8181/login.xhtml?next=%2Forders.xhtml");
        assertThat(HttpsOnly.location(URI.create("https://localhost:8181"), "/api/orders", null))
                .isEqualTo("https://localhost:8181/api/orders");
    }

    @Test
    void onlyTheScrapersPasswordOpensTheMetrics() {
        byte[] token = "a-long-scrape-token".getBytes(StandardCharsets.UTF_8);
        assertThat(MetricsAccess.presents(basic("metrics:a-long-scrape-token"), token)).isTrue();
        assertThat(MetricsAccess.presents(basic("admin:a-long-scrape-token"), token)).isFalse();
        assertThat(MetricsAccess.presents(basic("metrics:a-long-scrape-toke"), token)).isFalse();
        assertThat(MetricsAccess.presents("Bearer a-long-scrape-token", token)).isFalse();
        assertThat(MetricsAccess.presents("Basic %%%", token)).isFalse();
        assertThat(MetricsAccess.presents(null, token)).isFalse();
    }

    private static String basic(String credentials) {
        return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }
}
