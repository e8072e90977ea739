package io.cuadra.platform.application;

import io.cuadra.shared.demo.DemoData;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;

/** The demo's platform operator (password in the README), loaded with the demo tenant and only then. */
@Dependent
public class PlatformDemoData implements DemoData {

    public static final String EMAIL = "operador@cuadra.demo";
    public static final String PASSWORD = "Operador-Cuadra-2026!";

    @EJB
    PlatformOperators operators;

    @Override
    public int order() {
        return 10;
    }

    @Override
    public void load(DemoTenant tenant) {
        operators.ensureDemo(EMAIL, PASSWORD);
    }
}
