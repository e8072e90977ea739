package io.cuadra.web.shopify;

import io.cuadra.shopify.application.ShopifyWebhooks;
import io.cuadra.web.platform.Problem;
import io.cuadra.web.platform.RequestId;
import jakarta.ejb.EJB;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.net.URI;

/**
 * Shopify's webhooks for one shop: {@code POST /api/hooks/shopify/SHOP_DOMAIN}. Public (Shopify sends no
 * bearer token): the HMAC signature over the raw body is the authentication, so the body is read here as
 * bytes, before anything could parse and re-serialise it. Answered as soon as the message is in the inbox.
 */
@WebServlet(name = "ShopifyWebhooks", urlPatterns = "/api/hooks/shopify/*")
public class ShopifyWebhookServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    /** Shopify's order payloads are a few kilobytes; this is far above any of them. */
    static final int MAX_BODY = 1 << 20;
    private static final Jsonb JSONB = JsonbBuilder.create();

    @EJB
    transient ShopifyWebhooks webhooks;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String shop = request.getPathInfo() == null ? "" : request.getPathInfo().replaceFirst("^/", "");
        byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
        if (body.length > MAX_BODY) {
            problem(request, response, Problem.of("payload-too-large", "Payload Too Large",
                    Response.Status.REQUEST_ENTITY_TOO_LARGE, "A webhook body may be at most " + MAX_BODY + " bytes."));
            return;
        }
        if (shop.isEmpty() || shop.contains("/")) {
            problem(request, response, Problem.of("not-found", "Not Found", Response.Status.NOT_FOUND,
                    "Webhooks are received at /api/hooks/shopify/SHOP_DOMAIN."));
            return;
        }
        ShopifyWebhooks.Outcome outcome = webhooks.receive(shop, request.getHeader("X-Shopify-Shop-Domain"),
                request.getHeader("X-Shopify-Topic"), request.getHeader("X-Shopify-Webhook-Id"),
                request.getHeader("X-Shopify-Hmac-Sha256"), body);
        switch (outcome) {
            case UNAUTHORIZED -> problem(request, response, Problem.of("unauthorized", "Unauthorized",
                    Response.Status.UNAUTHORIZED, "The X-Shopify-Hmac-Sha256 signature does not match this shop's"
                            + " webhook secret."));
            case INCOMPLETE -> problem(request, response, Problem.of("bad-request", "Bad Request",
                    Response.Status.BAD_REQUEST, "A webhook needs an X-Shopify-Webhook-Id header and a JSON object body."));
            // Stored, already stored, or a topic Cuadra does not act on: Shopify only needs to hear it arrived.
            default -> response.setStatus(HttpServletResponse.SC_OK);
        }
    }

    private static void problem(HttpServletRequest request, HttpServletResponse response, Problem problem)
            throws IOException {
        Problem p = problem.withInstance(URI.create(request.getRequestURL().toString()))
                .withRequestId(RequestId.of(request));
        response.setStatus(p.status());
        response.setContentType(Problem.MEDIA_TYPE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(JSONB.toJson(p));
    }
}
