package io.cuadra.server;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

/**
 * Polls MicroProfile Health until the application reports UP: start-domain returns before the EAR answers.
 * Payara serves {@code /health} itself and answers {@code UP} with no checks while an application is still
 * loading, so only an answer carrying the application's own checks counts.
 */
public final class HealthProbe {

    private HealthProbe() {
    }

    public static String awaitUp(URI readiness, Duration timeout) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(timeout);
        String last = "no answer";
        while (Instant.now().isBefore(deadline)) {
            try {
                HttpResponse<String> r = client.send(HttpRequest.newBuilder(readiness)
                        .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
                last = r.statusCode() + " " + r.body();
                if (r.statusCode() == 200 && r.body().contains("\"UP\"") && r.body().contains("\"name\"")) {
                    return r.body();
                }
            } catch (IOException e) {
                last = e.toString();
            }
            Thread.sleep(500);
        }
        throw new IOException("Not healthy after " + timeout.toSeconds() + " s at " + readiness + ": " + last);
    }
}
