package io.cuadra.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.freeze.FreezingArchRule;
import java.util.Set;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The house rules of the business module, checked on its compiled classes: components without cycles, layers
 * pointing down only, boundaries' technologies kept out of the business.
 */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS).importPackages("io.cuadra");
    }

    @Test
    void componentsHaveNoCycles() {
        slices().matching("io.cuadra.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void theDomainDependsOnNothingAboveIt() {
        noClasses().that().resideInAPackage("io.cuadra.*.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("io.cuadra.*.application..",
                        "io.cuadra.*.infrastructure..", "io.cuadra.web..", "jakarta.ws.rs..", "jakarta.faces..",
                        "jakarta.servlet..")
                .check(classes);
    }

    @Test
    void applicationServicesDoNotSpeakTheBoundariesProtocols() {
        noClasses().that().resideInAPackage("io.cuadra.*.application..")
                .should().dependOnClassesThat().resideInAnyPackage("io.cuadra.web..", "jakarta.faces..",
                        "jakarta.servlet..", "org.primefaces..")
                .check(classes);
    }

    @Test
    void sharedDependsOnNoComponent() {
        noClasses().that().resideInAPackage("io.cuadra.shared..")
                .should().dependOnClassesThat().resideInAnyPackage("io.cuadra.identity..", "io.cuadra.catalog..",
                        "io.cuadra.customers..", "io.cuadra.orders..", "io.cuadra.billing..", "io.cuadra.inventory..",
                        "io.cuadra.purchasing..", "io.cuadra.reconciliation..", "io.cuadra.imports..",
                        "io.cuadra.notifications..", "io.cuadra.lab..", "io.cuadra.shopify..", "io.cuadra.reports..",
                        "io.cuadra.platform..", "io.cuadra.audit..", "io.cuadra.demo..")
                .check(classes);
    }

    /**
     * A component reaches another through its published API (the {@code application} package's services and
     * records, and its events) and never through its entities or adapters. Identity's security vocabulary (who is
     * calling, and the module × action permissions) and audit's {@code @NotAudited} are published language every
     * component speaks. The
     * dependencies that broke this rule when it was written are listed in {@code architecture/frozen} (debts
     * to pay, not permissions): a new one fails, a paid one leaves the list.
     */
    @Test
    void componentsReachOthersOnlyThroughTheirPublishedApi() {
        FreezingArchRule.freeze(classes().that().resideInAPackage("io.cuadra..")
                .should(reachOtherComponentsOnlyThroughTheirPublishedApi())).check(classes);
    }

    private static final Set<String> PUBLISHED_LANGUAGE = Set.of("io.cuadra.identity.domain.Caller",
            "io.cuadra.identity.domain.Module", "io.cuadra.identity.domain.Action",
            "io.cuadra.identity.domain.Permission", "io.cuadra.audit.domain.NotAudited");

    private static ArchCondition<JavaClass> reachOtherComponentsOnlyThroughTheirPublishedApi() {
        return new ArchCondition<>("reach other components only through their published API") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                String from = component(origin.getPackageName());
                for (Dependency d : origin.getDirectDependenciesFromSelf()) {
                    JavaClass target = d.getTargetClass().getBaseComponentType();
                    String to = component(target.getPackageName());
                    if (to == null || to.equals(from) || to.equals("shared")
                            || PUBLISHED_LANGUAGE.contains(target.getName())) {
                        continue;
                    }
                    String layer = layer(target.getPackageName());
                    if (layer.equals("domain") || layer.equals("infrastructure")) {
                        events.add(SimpleConditionEvent.violated(d, d.getDescription()));
                    }
                }
            }
        };
    }

    private static String component(String pkg) {
        String[] p = pkg.split("\\.");
        return p.length > 2 && p[0].equals("io") && p[1].equals("cuadra") ? p[2] : null;
    }

    private static String layer(String pkg) {
        String[] p = pkg.split("\\.");
        return p.length > 3 ? p[3] : "";
    }
}
