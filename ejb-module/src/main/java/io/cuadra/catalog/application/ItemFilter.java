package io.cuadra.catalog.application;

import io.cuadra.catalog.domain.ItemType;

/** Which items a list shows; every part is optional. {@code search} matches code, barcode or name. */
public record ItemFilter(String search, Long categoryId, ItemType type, Boolean active) {
}
