package io.cuadra.web.platform;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.net.URI;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ApiConventionsTest {

    record SomePage(List<String> items, long total, int page, int size) {
    }

    record NotAPage(List<String> items, int page) {
    }

    @Test
    void aMiddlePageLinksToAllFour() {
        ApiConventions.PageFigures f = ApiConventions.PageFigures.of(new SomePage(List.of("x"), 95, 3, 20));
        assertThat(f).isNotNull();
        List<String> links = f.links(URI.create("http://h/cuadra/api/customers?search=ana&page=3&size=20"));
        assertThat(links).containsExactly(
                "</cuadra/api/customers?search=ana&page=0&size=20>; rel=\"first\"",
                "</cuadra/api/customers?search=ana&page=2&size=20>; rel=\"prev\"",
                "</cuadra/api/customers?search=ana&page=4&size=20>; rel=\"next\"",
                "</cuadra/api/customers?search=ana&page=4&size=20>; rel=\"last\"");
    }

    @Test
    void theOnlyPageLinksToItselfAsFirstAndLast() {
        List<String> links = ApiConventions.PageFigures.of(new SomePage(List.of(), 0, 0, 50))
                .links(URI.create("http://h/api/items"));
        assertThat(links).containsExactly("</api/items?page=0&size=50>; rel=\"first\"",
                "</api/items?page=0&size=50>; rel=\"last\"");
    }

    @Test
    void somethingElseIsNotAPage() {
        assertThat(ApiConventions.PageFigures.of("text")).isNull();
        assertThat(ApiConventions.PageFigures.of(new NotAPage(List.of("x"), 3))).isNull();
    }

    /**
     * A 503 says when to come back (no operation of the API is unavailable on demand while the suite runs, so the
     * filter is checked here); a Retry-After the operation set itself is kept.
     */
    @Test
    void a503SaysWhenToComeBack() {
        ApiConventions conventions = new ApiConventions();
        MultivaluedMap<String, Object> headers = new MultivaluedHashMap<>();
        conventions.filter(request("POST"), response(503, headers));
        assertThat(headers.getFirst("Retry-After")).isEqualTo(ApiConventions.RETRY_AFTER_503_SECONDS);

        MultivaluedMap<String, Object> own = new MultivaluedHashMap<>();
        own.putSingle("Retry-After", "30");
        conventions.filter(request("POST"), response(503, own));
        assertThat(own.get("Retry-After")).containsExactly("30");
    }

    private static ContainerRequestContext request(String method) {
        return (ContainerRequestContext) Proxy.newProxyInstance(ApiConventionsTest.class.getClassLoader(),
                new Class<?>[]{ContainerRequestContext.class}, (p, m, a) -> "getMethod".equals(m.getName()) ? method : null);
    }

    private static ContainerResponseContext response(int status, MultivaluedMap<String, Object> headers) {
        return (ContainerResponseContext) Proxy.newProxyInstance(ApiConventionsTest.class.getClassLoader(),
                new Class<?>[]{ContainerResponseContext.class}, (p, m, a) -> switch (m.getName()) {
                    case "getStatus" -> status;
                    case "getHeaders" -> headers;
                    default -> null;
                });
    }
}
