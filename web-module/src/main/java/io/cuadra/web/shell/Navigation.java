package io.cuadra.web.shell;

import io.cuadra.identity.application.CurrentCaller;
import io.cuadra.identity.domain.Permission;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

import java.util.List;

/**
 * The back office's menu, one section per business component, showing only the pages the signed-in
 * user may open. A component adds its pages here when it ships them, so the menu never links to a
 * page that does not exist.
 */
@Named
@RequestScoped
public class Navigation {

    private static final List<Section> ALL = List.of(
            new Section("nav.orders", "pi pi-shopping-cart", List.of(
                    new Page("nav.orders.counter", "/orders/counter", "orders:create"),
                    new Page("nav.orders.list", "/orders/list", "orders:view"),
                    new Page("nav.orders.lab", "/lab/syncs", "orders:view"))),
            new Section("nav.customers", "pi pi-users", List.of(
                    new Page("nav.customers.list", "/customers/list", "customers:view"),
                    new Page("nav.customers.documentCheck", "/customers/document-check", "customers:view"),
                    new Page("nav.customers.import", "/customers/import", "customers:create"),
                    new Page("nav.customers.notifications", "/notifications/history", "customers:view"))),
            new Section("nav.catalog", "pi pi-box", List.of(
                    new Page("nav.catalog.items", "/catalog/items", "catalog:view"),
                    new Page("nav.catalog.categories", "/catalog/categories", "catalog:view"),
                    new Page("nav.catalog.taxRates", "/catalog/tax-rates", "catalog:view"),
                    new Page("nav.catalog.import", "/catalog/import", "catalog:create"))),
            new Section("nav.billing", "pi pi-file", List.of(
                    new Page("nav.billing.documents", "/billing/invoices", "billing:view"))),
            // inventory and purchasing
            new Section("nav.inventory", "pi pi-inbox", List.of(
                    new Page("nav.inventory.stock", "/inventory/stock", "inventory:view"),
                    new Page("nav.inventory.ledger", "/inventory/ledger", "inventory:view"),
                    new Page("nav.inventory.wastage", "/inventory/wastage", "inventory:view"),
                    new Page("nav.inventory.transfer", "/inventory/transfer", "inventory:view"),
                    new Page("nav.inventory.counts", "/inventory/counts", "inventory:view"))),
            new Section("nav.purchasing", "pi pi-truck", List.of(
                    new Page("nav.purchasing.suppliers", "/purchasing/suppliers", "purchasing:view"),
                    new Page("nav.purchasing.orders", "/purchasing/orders", "purchasing:view"),
                    new Page("nav.purchasing.receive", "/purchasing/receive", "purchasing:view"))),
            new Section("nav.reconciliation", "pi pi-calculator", List.of(
                    new Page("nav.reconciliation.closures", "/reconciliation/closures", "reconciliation:view"),
                    // the batch runs and the bank belong to who reconciles (edit), not to who counts a drawer
                    new Page("nav.reconciliation.jobs", "/reconciliation/jobs", "reconciliation:edit"),
                    new Page("nav.reconciliation.bank", "/reconciliation/bank", "reconciliation:edit"))),
            new Section("nav.reports", "pi pi-chart-bar", List.of(
                    new Page("nav.reports.view", "/reports/index", "reports:view"),
                    new Page("nav.reports.rules", "/reports/rules", "reports:view"))),
            new Section("nav.settings", "pi pi-cog", List.of(
                    new Page("nav.settings.users", "/settings/users", "users:view"),
                    new Page("nav.settings.roles", "/settings/roles", "users:view"),
                    new Page("nav.settings.locations", "/settings/locations", null),
                    new Page("nav.settings.company", "/settings/company", "settings:view"),
                    new Page("nav.settings.paymentMethods", "/settings/payment-methods", "payments:view"),
                    new Page("nav.settings.cardFees", "/settings/card-fees", "payments:view"),
                    new Page("nav.settings.billingProfile", "/settings/billing-profile", "settings:view"),
                    new Page("nav.settings.bankProfiles", "/settings/bank-profiles", "reconciliation:view"),
                    new Page("nav.settings.warehouses", "/settings/warehouses", "inventory:view"),
                    new Page("nav.settings.operations", "/settings/operations", "settings:view"),
                    new Page("nav.settings.shopify", "/settings/shopify", "settings:view"),
                    new Page("nav.settings.audit", "/settings/audit", "audit:view"))));

    private List<Section> visible;

    public List<Section> getSections() {
        if (visible == null) {
            visible = ALL.stream()
                    .map(s -> new Section(s.labelKey(), s.icon(), s.pages().stream().filter(Page::allowed).toList()))
                    .filter(s -> !s.pages().isEmpty())
                    .toList();
        }
        return visible;
    }

    public record Section(String labelKey, String icon, List<Page> pages) {
        public String getLabelKey() {
            return labelKey;
        }

        public String getIcon() {
            return icon;
        }

        public List<Page> getPages() {
            return pages;
        }
    }

    /** A page and the permission needed to open it (null: any signed-in user). */
    public record Page(String labelKey, String outcome, String permission) {
        boolean allowed() {
            return permission == null
                    || CurrentCaller.get().map(c -> c.can(Permission.parse(permission))).orElse(false);
        }

        public String getLabelKey() {
            return labelKey;
        }

        public String getOutcome() {
            return outcome;
        }
    }
}
