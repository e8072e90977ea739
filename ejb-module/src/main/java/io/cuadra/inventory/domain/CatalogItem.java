package io.cuadra.inventory.domain;

import java.util.List;
import java.util.Objects;

/** The catalog as kit explosion sees it: an item's kind and, for a kit, its components. */
public record CatalogItem(long id, ItemKind kind, List<KitComponent> components) {

    public CatalogItem {
        Objects.requireNonNull(kind, "kind");
        components = List.copyOf(components);
        if (kind == ItemKind.KIT && components.isEmpty()) {
            throw new IllegalArgumentException("Kit " + id + " has no components");
        }
        if (kind != ItemKind.KIT && !components.isEmpty()) {
            throw new IllegalArgumentException("Only a kit has components; item " + id + " is " + kind);
        }
    }

    public static CatalogItem goods(long id) {
        return new CatalogItem(id, ItemKind.GOODS, List.of());
    }

    public static CatalogItem service(long id) {
        return new CatalogItem(id, ItemKind.SERVICE, List.of());
    }

    public static CatalogItem kit(long id, KitComponent... components) {
        return new CatalogItem(id, ItemKind.KIT, List.of(components));
    }
}
