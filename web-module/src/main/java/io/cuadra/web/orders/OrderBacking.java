package io.cuadra.web.orders;

import io.cuadra.billing.application.BillingQueries;
import io.cuadra.billing.domain.BillingDocumentKind;
import io.cuadra.billing.domain.DocumentStatus;
import io.cuadra.identity.application.CurrentCaller;
import io.cuadra.identity.application.Permitted;
import io.cuadra.identity.domain.Action;
import io.cuadra.identity.domain.Module;
import io.cuadra.orders.application.OrderService;
import io.cuadra.orders.application.PaymentDraft;
import io.cuadra.orders.domain.Order;
import io.cuadra.orders.domain.OrderPayment;
import io.cuadra.orders.domain.OrderStatus;
import io.cuadra.orders.domain.pricing.TaxSubtotal;
import io.cuadra.shared.domain.NotFound;
import io.cuadra.web.orders.OrderLookups.MethodOption;
import io.cuadra.web.shell.FacesActions;
import io.cuadra.web.shell.Texts;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.IOException;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.List;

/**
 * One order: lines, discounts, taxes, payments, refunds and status history, with the changes the
 * caller may make. Every change names the version the page showed, so a second click (or someone
 * else's change in between) is refused as stale instead of applied twice.
 */
@Named
@ViewScoped
public class OrderBacking implements Serializable {

    private static final long serialVersionUID = 1L;
    @EJB
    OrderService orders;

    @EJB
    BillingQueries billing;

    @Inject
    OrderLookups lookups;

    /** An invoice of the order, as the page links to it (its page, and its PDF from the API). */
    public record InvoiceLink(long id, BillingDocumentKind kind, String number, DocumentStatus status)
            implements Serializable {
    }

    private long id;
    /** Fully loaded by the service; read again after each change (never serialized with the view). */
    private transient Order order;
    private List<MethodOption> methods;
    private List<InvoiceLink> invoices = List.of();

    private String statusNotes;
    private String cancelReason;
    private String returnReason;
    private List<ReturnRow> returnRows;
    private String payMethod;
    private BigDecimal payAmount;
    private BigDecimal payTendered;
    private String payReference;

    /** The page's view action: an order the caller may not see is a 404 like one that does not exist. */
    public void load() throws IOException {
        if (FacesContext.getCurrentInstance().getResponseComplete()) {
            return; // the page guard already answered 403
        }
        try {
            order = orders.find(id);
        } catch (NotFound e) {
            FacesContext ctx = FacesContext.getCurrentInstance();
            ctx.getExternalContext().responseSendError(404, "Not Found");
            ctx.responseComplete();
            return;
        }
        methods = lookups.paymentMethods();
        invoices = invoices();
        startPayment();
    }

    /** The order's invoices, newest first, for a caller who may see billing documents. */
    private List<InvoiceLink> invoices() {
        if (!CurrentCaller.require().can(Module.BILLING, Action.VIEW)) {
            return List.of();
        }
        try {
            return billing.byOrder(id).stream()
                    .map(d -> new InvoiceLink(d.getId(), d.getKind(), d.getDisplayNumber(), d.getStatus())).toList();
        } catch (NotFound e) {
            return List.of(); // not invoiced (yet): unpaid, or a credit sale not issued
        }
    }

    public Order getOrder() {
        if (order == null && id != 0) {
            order = orders.find(id);
        }
        return order;
    }

    /** Where the order can go from here; cancelling has its own button, with a reason. */
    public List<OrderStatus> getNextStatuses() {
        return getOrder().getStatus().next().stream().filter(s -> s != OrderStatus.CANCELLED).sorted().toList();
    }

    public boolean isCancellable() {
        return getOrder().getStatus().isOpen();
    }

    public boolean isPayable() {
        return getOrder().getStatus() != OrderStatus.CANCELLED && getOrder().balanceDue().signum() > 0;
    }

    @Permitted(module = Module.ORDERS, action = Action.EDIT)
    public void moveTo(OrderStatus target) {
        Order changed = FacesActions.attempt(() -> orders.changeStatus(id, getOrder().getVersion(), target, statusNotes));
        if (changed != null) {
            order = changed;
            statusNotes = null;
            FacesActions.info(Texts.get("order.statusChanged", Texts.get("orders.status." + target.name())));
        }
    }

    @Permitted(module = Module.ORDERS, action = Action.CANCEL)
    public void cancel() {
        Order cancelled = FacesActions.attempt(() -> orders.cancel(id, getOrder().getVersion(), cancelReason));
        if (cancelled != null) {
            order = cancelled;
            invoices = invoices();
            cancelReason = null;
            FacesActions.info(Texts.get("order.cancelled", cancelled.getNumber()));
        }
    }

    /** One line of the return sheet: how much of it comes back now, and whether damaged. */
    public static final class ReturnRow implements java.io.Serializable {
        private static final long serialVersionUID = 1L;
        private final int lineNumber;
        private final String item;
        private final java.math.BigDecimal sold;
        private java.math.BigDecimal quantity;
        private boolean damaged;

        ReturnRow(int lineNumber, String item, java.math.BigDecimal sold) {
            this.lineNumber = lineNumber;
            this.item = item;
            this.sold = sold;
        }

        public int getLineNumber() {
            return lineNumber;
        }

        public String getItem() {
            return item;
        }

        public java.math.BigDecimal getSold() {
            return sold;
        }

        public java.math.BigDecimal getQuantity() {
            return quantity;
        }

        public void setQuantity(java.math.BigDecimal quantity) {
            this.quantity = quantity;
        }

        public boolean isDamaged() {
            return damaged;
        }

        public void setDamaged(boolean damaged) {
            this.damaged = damaged;
        }
    }

    /** A completed, paid sale: goods may come back (credit note, restock or wastage, refund). */
    public boolean isReturnable() {
        return getOrder().getStatus().takesReturns() && getOrder().isPaid();
    }

    public List<ReturnRow> getReturnRows() {
        if (returnRows == null) {
            returnRows = getOrder().getLines().stream()
                    .map(l -> new ReturnRow(l.getLineNumber(), l.getItemName(), l.getQuantity())).toList();
        }
        return returnRows;
    }

    @Permitted(module = Module.ORDERS, action = Action.CANCEL)
    public void returnGoods() {
        List<io.cuadra.orders.domain.ReturnRequest> lines = getReturnRows().stream()
                .filter(r -> r.quantity != null && r.quantity.signum() != 0)
                .map(r -> new io.cuadra.orders.domain.ReturnRequest(r.lineNumber, r.quantity, r.damaged)).toList();
        io.cuadra.orders.domain.OrderReturn back = FacesActions.attempt(() ->
                orders.returnGoods(id, getOrder().getVersion(), lines, returnReason));
        if (back != null) {
            order = orders.find(id);
            invoices = invoices();
            returnRows = null;
            returnReason = null;
            FacesActions.info(Texts.get("order.returned", order.getNumber(), back.getAmount().toPlainString()));
        }
    }

    public String getReturnReason() {
        return returnReason;
    }

    public void setReturnReason(String returnReason) {
        this.returnReason = returnReason;
    }

    @Permitted(module = Module.PAYMENTS, action = Action.CREATE)
    public void pay() {
        boolean cash = isCash(payMethod);
        OrderPayment taken = FacesActions.attempt(() -> orders.pay(id, getOrder().getVersion(),
                new PaymentDraft(payMethod, payAmount, cash ? payTendered : null, payReference)));
        if (taken != null) {
            order = taken.getOrder();
            invoices = invoices();
            FacesActions.info(Texts.get("order.paymentTaken", taken.getAmount().toPlainString(),
                    taken.getChangeGiven().toPlainString()));
            startPayment();
        }
    }

    private void startPayment() {
        payMethod = methods.isEmpty() ? null : methods.get(0).code();
        payAmount = order == null || order.balanceDue().signum() <= 0 ? null : order.balanceDue();
        payTendered = null;
        payReference = null;
    }

    public List<TaxSubtotal> getTaxes() {
        return getOrder().priced().taxSubtotals();
    }

    public String taxLabel(TaxSubtotal t) {
        return OrderLookups.taxLabel(t);
    }

    public String methodName(String code) {
        return methods.stream().filter(m -> m.code().equals(code)).map(MethodOption::name).findFirst().orElse(code);
    }

    public boolean isCash(String code) {
        return OrderLookups.isCash(methods, code);
    }

    public boolean needsReference(String code) {
        return OrderLookups.needsReference(methods, code);
    }

    public long getId() {
        return id;
    }

    public void setId(long id) {
        this.id = id;
    }

    public List<InvoiceLink> getInvoices() {
        return invoices;
    }

    public List<MethodOption> getMethods() {
        return methods;
    }

    public String getStatusNotes() {
        return statusNotes;
    }

    public void setStatusNotes(String statusNotes) {
        this.statusNotes = statusNotes;
    }

    public String getCancelReason() {
        return cancelReason;
    }

    public void setCancelReason(String cancelReason) {
        this.cancelReason = cancelReason;
    }

    public String getPayMethod() {
        return payMethod;
    }

    public void setPayMethod(String payMethod) {
        this.payMethod = payMethod;
    }

    public BigDecimal getPayAmount() {
        return payAmount;
    }

    public void setPayAmount(BigDecimal payAmount) {
        this.payAmount = payAmount;
    }

    public BigDecimal getPayTendered() {
        return payTendered;
    }

    public void setPayTendered(BigDecimal payTendered) {
        this.payTendered = payTendered;
    }

    public String getPayReference() {
        return payReference;
    }

    public void setPayReference(String payReference) {
        this.payReference = payReference;
    }
}
