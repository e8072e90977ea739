package io.cuadra.sunat.simulator;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

/**
 * Controls that real SUNAT does not have, for tests and demos run against a standalone simulator:
 * {@code POST /simulator/outage?requests=N} makes the next N calls fail with exception 0100, and
 * {@code GET /simulator/documents} lists what was received, one line per document.
 */
final class AdminEndpoint implements HttpHandler {

    static final String PATH = "/simulator/";

    private final BillService service;

    AdminEndpoint(BillService service) {
        this.service = service;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            if (path.equals(PATH + "outage") && method.equals("POST")) {
                outage(exchange);
            } else if (path.equals(PATH + "documents") && method.equals("GET")) {
                documents(exchange);
            } else {
                reply(exchange, 404, "Unknown simulator control: " + method + " " + path + "\n");
            }
        }
    }

    private void outage(HttpExchange exchange) throws IOException {
        String query = exchange.getRequestURI().getQuery();
        String requests = query == null ? null : List.of(query.split("&")).stream()
                .filter(p -> p.startsWith("requests="))
                .map(p -> p.substring("requests=".length()))
                .findFirst().orElse(null);
        if (requests == null || !requests.matches("\\d{1,9}")) {
            reply(exchange, 400, "Expected ?requests=N with N a whole number of 0 or more\n");
            return;
        }
        service.simulateOutage(Integer.parseInt(requests));
        reply(exchange, 200, "The next " + requests + " requests will fail with 0100\n");
    }

    private void documents(HttpExchange exchange) throws IOException {
        StringBuilder text = new StringBuilder();
        for (ReceivedDocument d : service.receivedDocuments()) {
            text.append(d.receivedAt()).append('\t').append(d.operation()).append('\t').append(d.fileName())
                    .append('\t').append(d.verdict().outcome()).append('\t').append(d.verdict().code())
                    .append('\t').append(d.verdict().description()).append('\n');
        }
        reply(exchange, 200, text.toString());
    }

    private static void reply(HttpExchange exchange, int status, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain;charset=UTF-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
