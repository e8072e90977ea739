package io.cuadra.web.orders;

import io.cuadra.catalog.application.ItemFilter;
import io.cuadra.catalog.application.ItemService;
import io.cuadra.catalog.domain.Item;
import io.cuadra.customers.application.CustomerSearch;
import io.cuadra.customers.domain.Customer;
import io.cuadra.shared.identitydocuments.DocumentType;
import io.cuadra.identity.application.LocationService;
import io.cuadra.identity.domain.Location;
import io.cuadra.orders.application.PaymentMethodService;
import io.cuadra.orders.domain.PaymentMethod;
import io.cuadra.orders.domain.pricing.TaxSubtotal;
import io.cuadra.web.shell.Texts;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.List;

/**
 * What the order pages offer to pick from: the caller's locations, customers as typed (document, name,
 * phone: the customers search) and sellable items by code, barcode or name.
 */
@Named
@RequestScoped
public class OrderLookups {

    /** How many suggestions an autocomplete shows; more means the cashier should type more. */
    static final int SUGGESTIONS = 10;

    @EJB
    CustomerSearch customerSearch;

    @EJB
    ItemService items;

    @EJB
    LocationService locations;

    @EJB
    PaymentMethodService paymentMethods;

    /** One choice of a list: what is submitted and what the user reads. */
    public record Option(String value, String label) implements Serializable {
    }

    public List<Option> completeCustomer(String typed) {
        if (typed == null || typed.isBlank()) {
            return List.of();
        }
        return customerSearch.search(typed, 0, SUGGESTIONS).items().stream().map(OrderLookups::customer).toList();
    }

    public List<Option> completeItem(String typed) {
        if (typed == null || typed.isBlank()) {
            return List.of();
        }
        return items.list(new ItemFilter(typed, null, null, true), 0, SUGGESTIONS).items().stream()
                .map(i -> new Option(i.getCode(), itemLabel(i))).toList();
    }

    /** A payment method the tenant accepts, as the pages offer it. */
    public record MethodOption(String code, String name, boolean cash, boolean requiresReference)
            implements Serializable {
    }

    /** The active payment methods, in the tenant's order. */
    public List<MethodOption> paymentMethods() {
        return paymentMethods.list(false).stream().map(m -> new MethodOption(m.getCode(), m.getName(),
                m.getKind() == PaymentMethod.CASH, m.isRequiresReference())).toList();
    }

    static boolean isCash(List<MethodOption> methods, String code) {
        return methods.stream().anyMatch(m -> m.code().equals(code) && m.cash());
    }

    static boolean needsReference(List<MethodOption> methods, String code) {
        return methods.stream().anyMatch(m -> m.code().equals(code) && m.requiresReference());
    }

    /** A location to choose. */
    public record LocationOption(Long id, String label) implements Serializable {
    }

    /** The caller's active locations, by code. */
    public List<LocationOption> locationOptions() {
        return locations.listVisible().stream().filter(Location::isActive)
                .map(l -> new LocationOption(l.getId(), l.getCode() + " · " + l.getName())).toList();
    }

    /**
     * The label of a suggestion. PrimeFaces also asks it for the autocomplete's current value (the
     * submitted string), which then reads as itself.
     */
    public String labelOf(Object option) {
        return option instanceof Option o ? o.label() : option == null ? "" : option.toString();
    }

    public String valueOf(Object option) {
        return option instanceof Option o ? o.value() : option == null ? "" : option.toString();
    }

    /** "Taxed IGV 18 %", "Exempt": how the totals name a taxable base. */
    static String taxLabel(TaxSubtotal t) {
        return Texts.get("counter.tax." + t.affectationCode(), t.percent().stripTrailingZeros().toPlainString());
    }

    /** The id a picked suggestion submitted; null for typed text. */
    static Long id(String value) {
        try {
            return value == null || value.isBlank() ? null : Long.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static Option customer(Customer c) {
        String document = c.getDocumentType() == DocumentType.NONE ? ""
                : " · " + c.getDocumentType().label() + " " + c.getDocumentNumber();
        return new Option(Long.toString(c.getId()), c.displayName() + document);
    }

    static String itemLabel(Item i) {
        return i.getCode() + " · " + i.getName() + " · " + i.getPrice().toPlainString();
    }
}
