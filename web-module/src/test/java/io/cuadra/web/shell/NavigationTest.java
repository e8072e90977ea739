package io.cuadra.web.shell;

import io.cuadra.identity.application.CurrentCaller;
import io.cuadra.identity.domain.Caller;
import io.cuadra.identity.domain.DefaultRoles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The menu each default role is offered: only the pages its permissions open. */
class NavigationTest {

    @AfterEach
    void signOut() {
        CurrentCaller.clear();
    }

    @Test
    void theCashierCountsTheDrawerButSeesNoBankNorBatchRuns() {
        assertThat(menuOf(DefaultRoles.CASHIER))
                .contains("/orders/counter", "/reconciliation/closures", "/inventory/stock")
                .doesNotContain("/reconciliation/bank", "/reconciliation/jobs", "/settings/users", "/purchasing/orders");
    }

    @Test
    void theAccountantReconcilesAndImportsStatementsButDoesNotSell() {
        assertThat(menuOf(DefaultRoles.ACCOUNTANT))
                .contains("/reconciliation/closures", "/reconciliation/bank", "/reconciliation/jobs", "/settings/audit")
                .doesNotContain("/orders/counter", "/customers/import", "/settings/users");
    }

    @Test
    void theWarehouseClerkSeesInventoryAndPurchasingOnly() {
        assertThat(menuOf(DefaultRoles.WAREHOUSE))
                .contains("/inventory/stock", "/inventory/counts", "/purchasing/receive")
                .noneMatch(p -> p.startsWith("/reconciliation/") || p.startsWith("/orders/") || p.startsWith("/billing/"));
    }

    @Test
    void nobodySignedInIsOfferedOnlyWhatNeedsNoPermission() {
        assertThat(new Navigation().getSections()).flatExtracting(Navigation.Section::pages)
                .allMatch(p -> p.permission() == null);
    }

    private static List<String> menuOf(DefaultRoles role) {
        CurrentCaller.set(new Caller(1, 1, "someone@cuadra.demo", Set.of(role.name()), role.newRole().permissions(),
                false, Set.of(1L)));
        return new Navigation().getSections().stream().flatMap(s -> s.pages().stream()).map(Navigation.Page::outcome)
                .toList();
    }
}
