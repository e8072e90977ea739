package io.cuadra.reconciliation.domain.closure;

import java.io.Serializable;

/** An item a closure chunk step writes into a {@link ClosureTally}: an order with its payments, or a sales document. */
public sealed interface ClosureInput extends Serializable permits ClosureOrder, ClosureDocument {
}
