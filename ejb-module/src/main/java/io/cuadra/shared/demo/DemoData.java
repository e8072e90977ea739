package io.cuadra.shared.demo;

/**
 * A component's share of the demo data. The loader calls every contributor, lowest {@link #order()}
 * first, inside one transaction with the demo tenant in scope.
 */
public interface DemoData {

    int order();

    void load(DemoTenant tenant);

    /** The demo tenant being filled, and what earlier contributors left for later ones. */
    record DemoTenant(long id, String slug, java.util.Map<String, Object> shared) {
    }
}
