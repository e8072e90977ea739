package io.cuadra.inventory.domain;

import java.util.Objects;

/**
 * What a stock move belongs to: a typed reference to the order (and its line), goods receipt (and
 * line), transfer, wastage or count that caused it.
 */
public record MoveReference(Type type, long id, Long lineId) {

    public enum Type {
        ORDER, GOODS_RECEIPT, TRANSFER, WASTAGE, COUNT
    }

    public MoveReference {
        Objects.requireNonNull(type, "type");
    }

    public static MoveReference of(Type type, long id) {
        return new MoveReference(type, id, null);
    }

    public static MoveReference line(Type type, long id, long lineId) {
        return new MoveReference(type, id, lineId);
    }
}
