package io.cuadra.lab.infrastructure;

import io.cuadra.lab.domain.LisAnswer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

/** Posts an order message as JSON to a LIS's REST endpoint, with its authentication header and timeouts. */
public final class RestLisClient {

    private RestLisClient() {
    }

    public static LisAnswer post(String url, String authHeader, String authValue, int connectTimeoutMs,
                                 int readTimeoutMs, String json) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(connectTimeoutMs))
                .version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofMillis(readTimeoutMs))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (authHeader != null && !authHeader.isBlank() && authValue != null) {
            request.header(authHeader, authValue);
        }
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return LisAnswer.ofHttp(response.statusCode(), response.body());
        } catch (HttpTimeoutException e) {
            return LisAnswer.unavailable("No answer within " + readTimeoutMs + " ms");
        } catch (IOException e) {
            return LisAnswer.unavailable(e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return LisAnswer.unavailable("Interrupted");
        }
    }
}
