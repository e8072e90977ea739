package io.cuadra.web.orders;

import io.cuadra.web.orders.CounterBacking.DiscountInput;
import io.cuadra.web.orders.CounterBacking.Line;
import io.cuadra.web.orders.CounterBacking.Pay;
import jakarta.enterprise.context.SessionScoped;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The sale the cashier is drafting, kept for the sign-in session, so leaving the counter (to look up a
 * price, open an order) and coming back finds the cart as it was. Session memory rather than a stored
 * draft: a draft moved no money and holds no stock, so nothing needs it after sign-out, and no table
 * has to be cleaned of abandoned carts. Tabs of one session share it (one till, one sale). The
 * idempotency key travels with the draft: it is registered once, whichever page view sends it.
 */
@SessionScoped
public class CounterDraft implements Serializable {

    private static final long serialVersionUID = 1L;

    private Long customerId;
    private String customerName;
    private String notes;
    private final List<Line> lines = new ArrayList<>();
    private final DiscountInput orderDiscount = new DiscountInput();
    private final List<Pay> payments = new ArrayList<>();
    private String key = newKey();

    /** Empties the draft; the next registration is a new order (a new idempotency key). */
    public void clear() {
        lines.clear();
        payments.clear();
        orderDiscount.clear();
        customerId = null;
        customerName = null;
        notes = null;
        key = newKey();
    }

    public boolean isEmpty() {
        return lines.isEmpty() && payments.isEmpty() && customerId == null;
    }

    private static String newKey() {
        return "counter-" + UUID.randomUUID();
    }

    public Long getCustomerId() {
        return customerId;
    }

    public String getCustomerName() {
        return customerName;
    }

    public void customer(Long id, String name) {
        this.customerId = id;
        this.customerName = name;
    }

    public String getNotes() {
        return notes;
    }

    public void setNotes(String notes) {
        this.notes = notes;
    }

    public List<Line> getLines() {
        return lines;
    }

    public DiscountInput getOrderDiscount() {
        return orderDiscount;
    }

    public List<Pay> getPayments() {
        return payments;
    }

    public String getKey() {
        return key;
    }
}
