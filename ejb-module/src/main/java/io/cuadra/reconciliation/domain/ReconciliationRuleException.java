package io.cuadra.reconciliation.domain;

/**
 * A reconciliation rule refused what it was asked to do (a negative cash count, reopening without a
 * reason, recomputing a closed day). The message is a sentence meant for the person who asked, so a
 * service can show it as is; programming errors stay {@link IllegalArgumentException} or
 * {@link NullPointerException}.
 */
public class ReconciliationRuleException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ReconciliationRuleException(String message) {
        super(message);
    }
}
