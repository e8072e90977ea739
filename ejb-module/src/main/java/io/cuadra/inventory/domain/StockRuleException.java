package io.cuadra.inventory.domain;

/** A stock rule refused an operation; the caller's transaction must not record anything of it. */
public abstract class StockRuleException extends RuntimeException {

    protected StockRuleException(String message) {
        super(message);
    }
}
