package io.cuadra.inventory.domain;

import io.cuadra.shared.domain.BusinessException;

/** A stock rule refused an operation; the caller's transaction must not record anything of it. */
public abstract class StockRuleException extends BusinessException {

    private static final long serialVersionUID = 1L;

    protected StockRuleException(String message) {
        super(message);
    }

    /** A broken stock rule (422); a shortage says otherwise. */
    @Override
    public String kind() {
        return "unprocessable";
    }
}
