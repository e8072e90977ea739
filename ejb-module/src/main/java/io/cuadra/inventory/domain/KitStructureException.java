package io.cuadra.inventory.domain;

import java.util.List;

/** A kit contains itself, directly or through other kits, or is nested deeper than allowed. */
public class KitStructureException extends StockRuleException {

    private final List<Long> path;

    public KitStructureException(String problem, List<Long> path) {
        super(problem + ": " + String.join(" → ", path.stream().map(String::valueOf).toList()));
        this.path = List.copyOf(path);
    }

    /** The kits walked through, outermost first, ending at the offending item. */
    public List<Long> path() {
        return path;
    }
}
