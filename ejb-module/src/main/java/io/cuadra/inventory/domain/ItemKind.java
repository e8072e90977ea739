package io.cuadra.inventory.domain;

/** What selling an item does to stock. */
public enum ItemKind {
    /** Moves its own stock. */
    GOODS,
    /** Moves the stock of its components, never its own. */
    KIT,
    /** Moves no stock. */
    SERVICE
}
