package io.cuadra.web.platform;

import io.cuadra.shared.domain.Page;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * One page of a list, as every list operation answers it: the items, the total across pages, the page number
 * (from 0) and its size. The contract publishes a typed page per item type ({@code CustomerViewPage}...), and
 * {@link ApiConventions} adds the page's {@code Link} header from these same figures.
 */
@Schema(name = "Page")
public record PageView<T>(List<T> items, long total, int page, int size) {

    public static <T> PageView<T> of(Page<T> p) {
        return new PageView<>(p.items(), p.total(), p.page(), p.size());
    }
}
