package io.cuadra.web.platform;

import org.junit.jupiter.api.Test;

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
}
