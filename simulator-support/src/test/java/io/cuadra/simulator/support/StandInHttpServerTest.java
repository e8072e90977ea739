package io.cuadra.simulator.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StandInHttpServerTest {

    private final HttpClient client = HttpClient.newHttpClient();

    @Test
    void servesEachPathWithItsHandlerOnDaemonWorkersAndRefusesOnceStopped() throws Exception {
        Map<String, com.sun.net.httpserver.HttpHandler> contexts = new LinkedHashMap<>();
        contexts.put("/", exchange -> answer(exchange, "root " + Thread.currentThread().getName() + " "
                + Thread.currentThread().isDaemon()));
        contexts.put("/admin", exchange -> answer(exchange, "admin"));
        StandInHttpServer http = StandInHttpServer.start(
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0, 2, "test-stand-in", contexts);
        int port = http.port();
        assertThat(port).isPositive();

        assertThat(get(port, "/orders")).isEqualTo("root test-stand-in true");
        assertThat(get(port, "/admin/outage")).isEqualTo("admin");

        http.stop();
        assertThatThrownBy(() -> get(port, "/orders")).isInstanceOf(ConnectException.class);
    }

    @Test
    void aStandInWithoutPathsIsRefused() {
        assertThatThrownBy(() -> StandInHttpServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                0, 1, "empty", Map.of())).isInstanceOf(IllegalArgumentException.class);
    }

    private String get(int port, String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private static void answer(com.sun.net.httpserver.HttpExchange exchange, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, bytes.length);
        try (var out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
