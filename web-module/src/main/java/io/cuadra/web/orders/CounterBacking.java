package io.cuadra.web.orders;

import io.cuadra.catalog.application.ItemFilter;
import io.cuadra.catalog.application.ItemService;
import io.cuadra.billing.application.BillingQueries;
import io.cuadra.billing.domain.BillingDocument;
import io.cuadra.catalog.domain.Item;
import io.cuadra.customers.application.CustomerService;
import io.cuadra.customers.domain.Customer;
import io.cuadra.shared.identitydocuments.DocumentType;
import io.cuadra.identity.application.CompanyService;
import io.cuadra.identity.application.CurrentCaller;
import io.cuadra.identity.application.Permitted;
import io.cuadra.identity.domain.Action;
import io.cuadra.identity.domain.Module;
import io.cuadra.notifications.application.DocumentSending;
import io.cuadra.orders.application.OrderDraft;
import io.cuadra.orders.application.OrderQuote;
import io.cuadra.orders.application.OrderService;
import io.cuadra.orders.application.PaymentDraft;
import io.cuadra.orders.domain.Order;
import io.cuadra.orders.domain.OrderDiscount;
import io.cuadra.orders.domain.OrderLine;
import io.cuadra.orders.domain.OrderPayment;
import io.cuadra.orders.domain.SalesChannel;
import io.cuadra.shared.domain.BusinessException;
import io.cuadra.shared.domain.NotFound;
import io.cuadra.shared.idempotency.StoredResponse;
import io.cuadra.web.orders.OrderLookups.LocationOption;
import io.cuadra.web.orders.OrderLookups.MethodOption;
import io.cuadra.web.shell.CurrentLocation;
import io.cuadra.web.shell.FacesActions;
import io.cuadra.web.shell.Texts;
import jakarta.annotation.PostConstruct;
import io.cuadra.web.platform.IdempotentResponses;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonObject;

import java.io.Serializable;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The counter: one order drafted on the screen, priced live by {@link OrderService#quote} (the pricing
 * registering uses), then registered with its payments in one call. The draft carries an idempotency
 * key, so a second click or a resent request registers it once; a new key comes with the next draft.
 */
@Named
@ViewScoped
public class CounterBacking implements Serializable {

    private static final long serialVersionUID = 1L;
    /** The idempotency keys' operation; the fingerprint is over the draft as this screen built it. */
    static final String OPERATION = "JSF /orders/counter register";
    private static final int COOKIE_DAYS = 400;

    @EJB
    OrderService orders;

    @EJB
    ItemService items;

    @EJB
    CustomerService customers;

    @EJB
    CompanyService companies;

    @Inject
    IdempotentResponses idempotent;

    /** What a registration stores under its key: enough to show the receipt again on a replay. */
    public record Registered(long id, String number) {
    }

    @Inject
    OrderLookups lookups;

    @EJB
    BillingQueries billing;

    @EJB
    DocumentSending sending;

    @Inject
    CounterDraft draft;

    private List<LocationOption> locations;
    private List<MethodOption> methods;
    private String currency;

    private Long locationId;
    private String customerQuery;
    private String itemQuery;
    private Totals totals;
    /** Why the totals shown leave something out (a discount or payment the service refuses as typed). */
    private String totalsNote;

    private InlineCustomer newCustomer;
    /** The draft leaves this much unpaid: registering waits for the cashier to confirm it. */
    private BigDecimal unpaidToConfirm;
    private CounterReceipt receipt;
    private String receiptEmail;

    @PostConstruct
    void init() {
        locations = lookups.locationOptions();
        methods = lookups.paymentMethods();
        currency = companies.current().currency().getCurrencyCode();
        Long remembered = CurrentLocation.remembered().orElse(null);
        locationId = locations.stream().filter(o -> o.id().equals(remembered)).findFirst()
                .or(() -> locations.stream().findFirst()).map(LocationOption::id).orElse(null);
        requote(); // a draft kept from an earlier visit shows its totals at once
    }

    // --- location and customer ----------------------------------------------------------------------

    public void selectLocation() {
        if (locationId != null) {
            ExternalContext ext = FacesContext.getCurrentInstance().getExternalContext();
            ext.addResponseCookie(CurrentLocation.cookieName(), Long.toString(locationId), Map.of("maxAge", COOKIE_DAYS * 86_400,
                    "path", ext.getRequestContextPath().isEmpty() ? "/" : ext.getRequestContextPath(),
                    "httpOnly", Boolean.TRUE));
        }
        requote();
    }

    /** A customer picked among the suggestions: the autocomplete submitted its id. */
    public void selectCustomer() {
        Long id = OrderLookups.id(customerQuery);
        customerQuery = null;
        if (id == null) {
            return;
        }
        Customer c = FacesActions.attempt(() -> customers.usable(id));
        if (c != null) {
            use(c);
        }
    }

    /**
     * Enter in the customer box without a suggestion picked: a DNI or RUC that a customer holds picks
     * them; one that nobody holds opens the new-customer form with it, so the sale goes on here.
     */
    public void findCustomer() {
        String typed = customerQuery == null ? "" : customerQuery.strip();
        if (typed.isEmpty()) {
            return;
        }
        DocumentType type = InlineCustomer.documentTypeOf(typed);
        if (type == null) {
            FacesActions.error(Texts.get("counter.customer.notDocument", typed));
            return;
        }
        Optional<Customer> holder = customers.byDocument(type, typed);
        if (holder.isPresent()) {
            Customer c = FacesActions.attempt(() -> customers.usable(holder.get().getId()));
            if (c != null) {
                customerQuery = null;
                use(c);
            }
            return;
        }
        customerQuery = null;
        newCustomer = InlineCustomer.forDocument(type, typed);
    }

    /** The new-customer form, empty or with what the customer box holds. */
    public void startCustomer() {
        String typed = customerQuery == null ? "" : customerQuery.strip();
        DocumentType type = InlineCustomer.documentTypeOf(typed);
        newCustomer = type == null ? new InlineCustomer() : InlineCustomer.forDocument(type, typed);
        customerQuery = null;
    }

    /** Creates the customer through the customers component (its document rule) and sells to them. */
    @Permitted(module = Module.CUSTOMERS, action = Action.CREATE)
    public void createCustomer() {
        if (newCustomer == null) {
            return;
        }
        Customer c = FacesActions.attempt(() -> customers.create(newCustomer.request()));
        if (c != null) {
            newCustomer = null;
            use(c);
            FacesActions.info(Texts.get("counter.customer.created", c.displayName()));
        }
    }

    public void cancelCustomer() {
        newCustomer = null;
    }

    private void use(Customer c) {
        draft.customer(c.getId(), OrderLookups.customer(c).label());
        requote();
    }

    public void anonymous() {
        draft.customer(null, null);
        customerQuery = null;
        requote();
    }

    // --- lines --------------------------------------------------------------------------------------

    /**
     * Adds what the item box holds: the code of a picked suggestion, or what was typed or scanned
     * (a code, a barcode, or a name only one sellable item matches). The same item again adds one to
     * its line.
     */
    public void addItem() {
        String typed = itemQuery == null ? "" : itemQuery.strip();
        itemQuery = null;
        if (typed.isEmpty()) {
            return;
        }
        Item item = find(typed);
        if (item == null) {
            return;
        }
        receipt = null; // a new sale has begun
        Line existing = draft.getLines().stream().filter(l -> l.itemId == item.getId()).findFirst().orElse(null);
        if (existing != null && existing.quantity != null) {
            existing.quantity = existing.quantity.add(BigDecimal.ONE);
        } else {
            draft.getLines().add(new Line(item.getId(), item.getCode(), item.getName(), item.getPrice()));
        }
        requote();
    }

    private Item find(String typed) {
        Item item = byCodeOrBarcode(typed);
        if (item != null) {
            return item;
        }
        List<Item> named = items.list(new ItemFilter(typed, null, null, true), 0, 2).items();
        if (named.size() == 1) {
            return named.get(0);
        }
        FacesActions.error(Texts.get(named.isEmpty() ? "counter.item.none" : "counter.item.several", typed));
        return null;
    }

    /** The active item with this code, else the one a scanner means by this barcode, else null. */
    private Item byCodeOrBarcode(String typed) {
        try {
            Item item = items.byCode(typed);
            if (item.isActive()) {
                return item;
            }
        } catch (NotFound e) {
            // not a code: maybe a barcode
        }
        try {
            Item item = items.byBarcode(typed);
            return item.isActive() ? item : null;
        } catch (NotFound e) {
            return null;
        }
    }

    public void removeLine(int index) {
        if (index >= 0 && index < draft.getLines().size()) {
            draft.getLines().remove(index);
            requote();
        }
    }

    // --- payments -----------------------------------------------------------------------------------

    /** A new payment row for what is still due, by the first method not used yet. */
    public void addPayment() {
        List<Pay> payments = draft.getPayments();
        Pay pay = new Pay();
        pay.methodCode = methods.stream().map(MethodOption::code)
                .filter(code -> payments.stream().noneMatch(p -> code.equals(p.methodCode)))
                .findFirst().orElse(methods.isEmpty() ? null : methods.get(0).code());
        BigDecimal due = totals == null ? null : totals.balance();
        pay.amount = due != null && due.signum() > 0 ? due : null;
        payments.add(pay);
        requote();
    }

    public void removePayment(int index) {
        if (index >= 0 && index < draft.getPayments().size()) {
            draft.getPayments().remove(index);
            requote();
        }
    }

    // --- pricing and registering ----------------------------------------------------------------------

    /**
     * Prices the draft with the service while the cashier types. What the service refuses is not an
     * error yet (that waits for "Registrar"): the totals are then priced without the discounts and
     * payments, and a note says what they leave out; if even the lines are refused, the last totals
     * stay, marked as such. The totals never disappear.
     */
    public void requote() {
        draft.getLines().forEach(Line::forget);
        draft.getPayments().forEach(Pay::forget);
        totalsNote = null;
        unpaidToConfirm = null;
        if (draft.getLines().isEmpty() || locationId == null) {
            totals = null;
            return;
        }
        try {
            totals = totals(orders.quote(draft()));
        } catch (RuntimeException e) {
            String problem = problemOf(e);
            try {
                totals = totals(orders.quote(linesOnly()));
            } catch (RuntimeException again) {
                problemOf(again);
                // the lines themselves are refused (a quantity of zero...): keep what was shown last
            }
            totalsNote = Texts.get("counter.totals.partial", problem);
        }
    }

    /** "Registrar" (F9): a sale left unpaid waits for the cashier to confirm it. */
    @Permitted(module = Module.ORDERS, action = Action.CREATE)
    public void register() {
        if (!readyToRegister()) {
            return;
        }
        OrderQuote quote = FacesActions.attempt(() -> orders.quote(draft()));
        if (quote == null) {
            requote();
            return;
        }
        totals = totals(quote);
        if (quote.paymentRefusal() != null) {
            // A payment the business refuses is said beside its cell, not taken for an unpaid sale to confirm.
            BusinessException refusal = quote.paymentRefusal();
            String cell = refusal.field().map(f -> f.substring(f.lastIndexOf('.') + 1)).orElse("amount");
            FacesActions.besideField("payments[" + quote.paymentIndex() + "]." + cell,
                    io.cuadra.web.l10n.BusinessMessages.text(refusal));
            return;
        }
        BigDecimal due = quote.order().balanceDue();
        if (due.signum() > 0) {
            unpaidToConfirm = due;
            return;
        }
        store();
    }

    /** The cashier confirmed registering the sale with money still due. */
    @Permitted(module = Module.ORDERS, action = Action.CREATE)
    public void registerUnpaid() {
        if (readyToRegister()) {
            store();
        }
    }

    public void keepEditing() {
        unpaidToConfirm = null;
    }

    private boolean readyToRegister() {
        if (draft.getLines().isEmpty()) {
            FacesActions.error(Texts.get("counter.noLines"));
            return false;
        }
        if (locationId == null) {
            FacesActions.error(Texts.get("counter.noLocation"));
            return false;
        }
        return true;
    }

    private void store() {
        unpaidToConfirm = null;
        OrderDraft order = draft();
        // The same helper as the API's Idempotency-Key: a double submission registers one sale.
        StoredResponse stored = FacesActions.attempt(() -> idempotent.once(draft.getKey(), OPERATION, order.toString(),
                () -> {
                    Order o = orders.register(order);
                    return new IdempotentResponses.Reply(201, new Registered(o.getId(), o.getNumber()), null, null,
                            o.getLocation().getId());
                }));
        if (stored == null) {
            requote();
            return;
        }
        JsonObject body = Json.createReader(new StringReader(stored.body())).readObject();
        long id = body.getJsonNumber("id").longValue();
        receipt = receiptOf(orders.find(id));
        receiptEmail = draft.getCustomerId() == null ? null : customers.find(draft.getCustomerId()).getEmail();
        FacesActions.info(Texts.get("counter.registered", receipt.number()));
        startOver();
    }

    /** What the receipt screen shows: the order's money and, once issued, its invoice to print. */
    private CounterReceipt receiptOf(Order o) {
        BillingDocument invoice = null;
        if (CurrentCaller.require().can(Module.BILLING, Action.VIEW)) {
            try {
                invoice = billing.byOrder(o.getId()).stream().findFirst().orElse(null);
            } catch (NotFound e) {
                // not invoiced: a sale left unpaid has no invoice yet
            }
        }
        return CounterReceipt.of(o.getId(), o.getNumber(), o.getTotal(), o.getPaidTotal(), o.getChangeTotal(),
                invoice == null ? null : invoice.getId(), invoice == null ? null : invoice.getDisplayNumber());
    }

    /**
     * Sends the sale's document (its PDF attached) to the customer's or the typed e-mail: queued through the
     * notifications' outbox, sent after this commits.
     */
    @Permitted(module = Module.ORDERS, action = Action.CREATE)
    public void sendReceipt() {
        if (receipt == null || receipt.invoiceId() == null) {
            return;
        }
        String to = receiptEmail == null ? "" : receiptEmail.strip();
        var queued = FacesActions.attempt(() -> sending.email(receipt.invoiceId(), to,
                FacesContext.getCurrentInstance().getViewRoot().getLocale().getLanguage()));
        if (queued != null) {
            FacesActions.info(Texts.get("counter.receipt.sent", to));
        }
    }

    /** "Nueva venta" (F2): drops the draft (and the last receipt) and starts an empty one. */
    public void newDraft() {
        receipt = null;
        startOver();
    }

    private void startOver() {
        draft.clear();
        customerQuery = null;
        itemQuery = null;
        totals = null;
        totalsNote = null;
        newCustomer = null;
    }

    private OrderDraft draft() {
        return new OrderDraft(locationId, draft.getCustomerId(), SalesChannel.COUNTER, draft.getNotes(),
                draft.getLines().stream().map(l -> new OrderDraft.Line(l.itemId, null, l.quantity, null,
                        l.discount.drafts())).toList(),
                draft.getOrderDiscount().drafts(),
                draft.getPayments().stream().map(p -> new PaymentDraft(p.methodCode, p.amount,
                        isCash(p.methodCode) ? p.tendered : null, p.reference)).toList());
    }

    /** The draft's lines as they are, without discounts or payments: what the totals fall back on. */
    private OrderDraft linesOnly() {
        return new OrderDraft(locationId, draft.getCustomerId(), SalesChannel.COUNTER, draft.getNotes(),
                draft.getLines().stream().map(l -> new OrderDraft.Line(l.itemId, null, l.quantity, null, List.of()))
                        .toList(), List.of(), List.of());
    }

    private Totals totals(OrderQuote quote) {
        Order o = quote.order();
        List<Line> lines = draft.getLines();
        List<Pay> payments = draft.getPayments();
        for (int i = 0; i < lines.size() && i < o.getLines().size(); i++) {
            OrderLine priced = o.getLines().get(i);
            lines.get(i).discountAmount = priced.getDiscountTotal();
            lines.get(i).total = priced.getTotal();
        }
        List<OrderPayment> taken = o.getPayments();
        for (int i = 0; i < taken.size() && i < payments.size(); i++) {
            payments.get(i).applied = taken.get(i).getAmount();
            payments.get(i).change = taken.get(i).getChangeGiven();
        }
        List<TaxRow> taxes = o.priced().taxSubtotals().stream()
                .map(t -> new TaxRow(OrderLookups.taxLabel(t), t.base().amount(), t.tax().amount()))
                .toList();
        String approval = null;
        if (!quote.needingApproval().isEmpty()) {
            OrderDiscount first = quote.needingApproval().get(0);
            approval = Texts.get(quote.callerMayApprove() ? "counter.approval.yours" : "counter.approval.needed",
                    first.getReason(), quote.thresholdPercent().stripTrailingZeros().toPlainString());
        }
        return new Totals(o.getSubtotal(), o.getDiscountTotal(), taxes, o.getBaseTotal(), o.getTaxTotal(),
                o.getTotal(), o.getPaidTotal(), o.balanceDue(), o.getChangeTotal(), approval, quote.approvalMissing(),
                paymentProblem(quote));
    }

    /** Why a payment of the draft would be refused, in the user's words: "Pago 2: ..." rather than "payments[1]: ...". */
    private static String paymentProblem(OrderQuote quote) {
        if (quote.paymentRefusal() == null) {
            return quote.paymentProblem();
        }
        return Texts.get("counter.paymentProblem", quote.paymentIndex() + 1,
                io.cuadra.web.l10n.BusinessMessages.text(quote.paymentRefusal()));
    }

    public boolean isCash(String code) {
        return OrderLookups.isCash(methods, code);
    }

    public boolean needsReference(String code) {
        return OrderLookups.needsReference(methods, code);
    }

    /** The refusal's sentence when the business refused; anything else is not ours to hide. */
    private static String problemOf(RuntimeException e) {
        Throwable cause = e;
        while (cause instanceof EJBException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof BusinessException be) {
            return be.getMessage();
        }
        throw e;
    }

    // --- what the page binds ------------------------------------------------------------------------

    /** Base and tax of the lines of one affectation code and percent. */
    public record TaxRow(String label, BigDecimal base, BigDecimal tax) implements Serializable {
    }

    /**
     * The draft's totals as the service priced them.
     *
     * @param approval        the message about a discount above the threshold, or null
     * @param approvalMissing registering will be refused until someone with orders:approve does it
     * @param paymentProblem  why a payment of the draft would be refused, or null
     */
    public record Totals(BigDecimal subtotal, BigDecimal discountTotal, List<TaxRow> taxes, BigDecimal baseTotal,
                         BigDecimal taxTotal, BigDecimal total, BigDecimal paid, BigDecimal balance, BigDecimal change,
                         String approval, boolean approvalMissing, String paymentProblem) implements Serializable {

        static final Totals NONE = new Totals(zero(), zero(), List.of(), zero(), zero(), zero(), zero(), zero(), zero(),
                null, false, null);

        private static BigDecimal zero() {
            return BigDecimal.ZERO.setScale(2);
        }
    }

    /** A discount as typed: percent or amount, value and reason; no value means no discount. */
    public static final class DiscountInput implements Serializable {
        private static final long serialVersionUID = 1L;
        private OrderDiscount.Kind kind = OrderDiscount.Kind.PERCENT;
        private BigDecimal value;
        private String reason;

        List<OrderDraft.Discount> drafts() {
            return value == null ? List.of() : List.of(new OrderDraft.Discount(kind, value, reason));
        }

        void clear() {
            kind = OrderDiscount.Kind.PERCENT;
            value = null;
            reason = null;
        }

        public OrderDiscount.Kind getKind() {
            return kind;
        }

        public void setKind(OrderDiscount.Kind kind) {
            this.kind = Objects.requireNonNullElse(kind, OrderDiscount.Kind.PERCENT);
        }

        public BigDecimal getValue() {
            return value;
        }

        public void setValue(BigDecimal value) {
            this.value = value;
        }

        public String getReason() {
            return reason;
        }

        public void setReason(String reason) {
            this.reason = reason;
        }
    }

    /** A line of the draft and, once priced, its discounts and total. */
    public static final class Line implements Serializable {
        private static final long serialVersionUID = 1L;
        private final long itemId;
        private final String code;
        private final String name;
        private final BigDecimal unitPrice;
        private BigDecimal quantity = BigDecimal.ONE;
        private final DiscountInput discount = new DiscountInput();
        private BigDecimal discountAmount;
        private BigDecimal total;

        Line(long itemId, String code, String name, BigDecimal unitPrice) {
            this.itemId = itemId;
            this.code = code;
            this.name = name;
            this.unitPrice = unitPrice;
        }

        void forget() {
            discountAmount = null;
            total = null;
        }

        public String getCode() {
            return code;
        }

        public String getName() {
            return name;
        }

        public BigDecimal getUnitPrice() {
            return unitPrice;
        }

        public BigDecimal getQuantity() {
            return quantity;
        }

        public void setQuantity(BigDecimal quantity) {
            this.quantity = quantity;
        }

        public DiscountInput getDiscount() {
            return discount;
        }

        public BigDecimal getDiscountAmount() {
            return discountAmount;
        }

        public BigDecimal getTotal() {
            return total;
        }
    }

    /** A payment of the draft and, once priced, what it applies and the change it gives. */
    public static final class Pay implements Serializable {
        private static final long serialVersionUID = 1L;
        private String methodCode;
        private BigDecimal amount;
        private BigDecimal tendered;
        private String reference;
        private BigDecimal applied;
        private BigDecimal change;

        void forget() {
            applied = null;
            change = null;
        }

        public String getMethodCode() {
            return methodCode;
        }

        public void setMethodCode(String methodCode) {
            this.methodCode = methodCode;
        }

        public BigDecimal getAmount() {
            return amount;
        }

        public void setAmount(BigDecimal amount) {
            this.amount = amount;
        }

        public BigDecimal getTendered() {
            return tendered;
        }

        public void setTendered(BigDecimal tendered) {
            this.tendered = tendered;
        }

        public String getReference() {
            return reference;
        }

        public void setReference(String reference) {
            this.reference = reference;
        }

        public BigDecimal getApplied() {
            return applied;
        }

        public BigDecimal getChange() {
            return change;
        }
    }

    // --- accessors ------------------------------------------------------------------------------------

    public List<LocationOption> getLocations() {
        return locations;
    }

    public List<MethodOption> getMethods() {
        return methods;
    }

    public List<OrderDiscount.Kind> getDiscountKinds() {
        return List.of(OrderDiscount.Kind.values());
    }

    public Long getLocationId() {
        return locationId;
    }

    public void setLocationId(Long locationId) {
        this.locationId = locationId;
    }

    public String getCustomerQuery() {
        return customerQuery;
    }

    public void setCustomerQuery(String customerQuery) {
        this.customerQuery = customerQuery;
    }

    public Long getCustomerId() {
        return draft.getCustomerId();
    }

    public String getCustomerName() {
        return draft.getCustomerName();
    }

    public String getItemQuery() {
        return itemQuery;
    }

    public void setItemQuery(String itemQuery) {
        this.itemQuery = itemQuery;
    }

    public String getNotes() {
        return draft.getNotes();
    }

    public void setNotes(String notes) {
        draft.setNotes(notes);
    }

    public List<Line> getLines() {
        return draft.getLines();
    }

    public DiscountInput getOrderDiscount() {
        return draft.getOrderDiscount();
    }

    public List<Pay> getPayments() {
        return draft.getPayments();
    }

    /** Never null: an empty draft shows zeros, so the totals keep their place on the screen. */
    public Totals getTotals() {
        return totals != null ? totals : Totals.NONE;
    }

    public String getTotalsNote() {
        return totalsNote;
    }

    public InlineCustomer getNewCustomer() {
        return newCustomer;
    }

    public List<DocumentType> getDocumentTypes() {
        return InlineCustomer.DOCUMENT_TYPES;
    }

    public BigDecimal getUnpaidToConfirm() {
        return unpaidToConfirm;
    }

    public CounterReceipt getReceipt() {
        return receipt;
    }

    public String getReceiptEmail() {
        return receiptEmail;
    }

    public void setReceiptEmail(String receiptEmail) {
        this.receiptEmail = receiptEmail;
    }
}
