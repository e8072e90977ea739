package io.cuadra.web.platform;

import jakarta.persistence.Entity;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A REST resource receives records from its application service, built in the service's transaction: it imports
 * no JPA entity. The resources below still map entities themselves (debt from before the rule); the list may only
 * shrink — a resource that no longer imports an entity must leave it, and no other may join.
 */
class ReadModelsTest {

    private static final Path WEB = Path.of("src", "main", "java", "io", "cuadra", "web");
    private static final Pattern IMPORT = Pattern.compile("^import (io\\.cuadra\\.\\w+\\.domain(?:\\.\\w+)*\\.[A-Z]\\w*);",
            Pattern.MULTILINE);

    /** Resources that still map entities after their service's transaction (to be moved, never added to). */
    private static final Set<String> STILL_MAPPING = Set.of(
            "BankStatementsResource", "BillingProfileResource", "CardFeeRulesResource", "ClosuresResource",
            "CompanyResource", "CountsResource", "CreditNotesResource", "CustomersResource", "DiscrepanciesResource",
            "InventorySettingsResource", "InvoicesResource", "ItemsResource", "LocationsResource", "LotsResource",
            "OrderSettingsResource", "OrdersResource", "PaymentMethodsResource", "PurchaseOrdersResource",
            "ReceiptsResource", "ReconciliationSettingsResource", "RolesResource", "TransfersResource",
            "UsersResource", "WastageResource");

    @Test
    void resourcesImportNoEntityBeyondTheShrinkingList() throws IOException {
        Map<String, Set<String>> mapping = new TreeMap<>();
        try (Stream<Path> files = Files.walk(WEB)) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith("Resource.java")).toList()) {
                Set<String> entities = new TreeSet<>();
                Matcher m = IMPORT.matcher(Files.readString(f));
                while (m.find()) {
                    if (isEntity(m.group(1))) {
                        entities.add(m.group(1).substring(m.group(1).lastIndexOf('.') + 1));
                    }
                }
                if (!entities.isEmpty()) {
                    mapping.put(f.getFileName().toString().replace(".java", ""), entities);
                }
            }
        }
        assertThat(mapping.keySet()).as("a new resource mapping entities (move the mapping into the service)")
                .isSubsetOf(STILL_MAPPING);
        assertThat(STILL_MAPPING).as("no longer maps entities: take it off the list").isSubsetOf(mapping.keySet());
    }

    private static boolean isEntity(String className) {
        try {
            return Class.forName(className, false, ReadModelsTest.class.getClassLoader()).isAnnotationPresent(Entity.class);
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
