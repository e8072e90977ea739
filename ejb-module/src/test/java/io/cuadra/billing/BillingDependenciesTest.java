package io.cuadra.billing;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.cuadra.shared.identitydocuments.DocumentCheck;
import io.cuadra.shared.identitydocuments.DocumentType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Billing works from what other components publish (order and customer snapshots, events), never from their
 * entities; closed days reach it as an event reconciliation observes, so billing does not call reconciliation.
 */
class BillingDependenciesTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS).importPackages("io.cuadra");
    }

    @Test
    void billingDoesNotDependOnOtherComponentsDomainPackages() {
        // identity and shared are used by every component (company, locations, caller). The identity-document
        // types of SUNAT catalog 06 are the one exception: value types the SUNAT UBL and the customers'
        // validation share, to move to the customers' published API once the country packs settle them.
        noClasses().that().resideInAPackage("io.cuadra.billing..")
                .should().dependOnClassesThat(resideInAnyPackage("io.cuadra.orders.domain..",
                        "io.cuadra.customers.domain..", "io.cuadra.catalog.domain..", "io.cuadra.inventory.domain..",
                        "io.cuadra.purchasing.domain..", "io.cuadra.reconciliation.domain..",
                        "io.cuadra.imports.domain..")
                        .and(not(equivalentTo(DocumentType.class)))
                        .and(not(equivalentTo(DocumentCheck.class))))
                .check(classes);
    }

    @Test
    void billingNeverCallsReconciliation() {
        noClasses().that().resideInAPackage("io.cuadra.billing..")
                .should().dependOnClassesThat().resideInAPackage("io.cuadra.reconciliation..")
                .check(classes);
    }

    @Test
    void reconciliationHearsBillingOnlyThroughItsEvents() {
        noClasses().that().resideInAPackage("io.cuadra.reconciliation..")
                .should().dependOnClassesThat().resideInAnyPackage("io.cuadra.billing.domain..",
                        "io.cuadra.billing.application..", "io.cuadra.billing.infrastructure..")
                .check(classes);
    }
}
