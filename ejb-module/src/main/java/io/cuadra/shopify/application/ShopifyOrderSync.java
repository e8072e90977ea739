package io.cuadra.shopify.application;

import io.cuadra.catalog.application.ItemService;
import io.cuadra.catalog.domain.Item;
import io.cuadra.customers.application.CustomerDraft;
import io.cuadra.customers.application.CustomerService;
import io.cuadra.customers.domain.ContactChannel;
import io.cuadra.customers.domain.Customer;
import io.cuadra.shared.identitydocuments.DocumentType;
import io.cuadra.orders.application.OrderDraft;
import io.cuadra.orders.application.OrderService;
import io.cuadra.orders.application.PaymentDraft;
import io.cuadra.orders.application.RegisteredOrder;
import io.cuadra.orders.domain.Order;
import io.cuadra.orders.domain.OrderLine;
import io.cuadra.orders.domain.OrderReturn;
import io.cuadra.orders.domain.OrderReturnLine;
import io.cuadra.orders.domain.OrderStatus;
import io.cuadra.orders.domain.ReturnRequest;
import io.cuadra.orders.domain.SalesChannel;
import io.cuadra.shared.inbox.Inbox;
import io.cuadra.shared.infrastructure.CrossTenantSql;
import io.cuadra.shared.tenancy.TenantContext;
import io.cuadra.shopify.domain.RefundRestock;
import io.cuadra.shopify.domain.ShopifyCustomer;
import io.cuadra.shopify.domain.ShopifyOrder;
import io.cuadra.shopify.domain.ShopifyRefund;
import io.cuadra.shopify.domain.ShopifySettings;
import io.cuadra.shopify.infrastructure.ShopifyPayloads;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Makes a Shopify order's state true in Cuadra, each call one transaction, through the orders and customers
 * components' services: the first sight of an order registers it (channel SHOPIFY, at the shop's location),
 * a payment the shop took is taken, a cancellation cancels. The Shopify order's row is locked first, so a
 * webhook and the scheduled pull handling the same order meet one after the other, and a second delivery
 * finds the work done. An order Cuadra cannot take as it stands throws {@link ShopifyReviewNeeded}; the
 * caller then {@link #holdForReview holds it for review} in a transaction of its own.
 */
@Stateless
public class ShopifyOrderSync {

    private static final String SOURCE = "shopify";

    @PersistenceContext(unitName = "cuadra")
    EntityManager em;

    @EJB
    OrderService orders;

    @EJB
    CustomerService customers;

    @EJB
    ItemService items;

    @EJB
    ShopifySettingsService settings;

    @EJB
    Inbox inbox;

    /** What applying an order did. */
    public enum Outcome { CREATED, UPDATED, UNCHANGED }

    /**
     * The first of two transactions for an order Cuadra has not seen: registers it (customer matched, lines
     * matched and priced, then the location's gap-free number, taken last) and links it, nothing more. Every
     * Shopify order lands at one location, so its number row is held to commit: paying, taking stock and
     * signing the fiscal document happen in {@link #apply}, the next transaction, not under that row. A crash
     * between the two leaves a registered order linked to its Shopify order; the webhook is not marked handled
     * until {@link #apply} commits, so its next delivery (or the pull, or a retry from review) pays it, once.
     *
     * @return true when this call registered the order; false when it was already there or is not to be taken
     */
    public boolean registerNew(ShopifyOrder incoming) {
        ShopifySettings shop = settings.current()
                .orElseThrow(() -> new ShopifyReviewNeeded("The Shopify connection is not configured.").withKey("shopify.notConfigured"));
        Row row = lock(incoming.id());
        if (row.orderId != null || incoming.cancelled() && !incoming.paid()) {
            return false;
        }
        store(row, incoming, register(incoming, shop));
        return true;
    }

    /** @param inboxId the webhook this comes from, marked handled in the same transaction; null for a pull */
    public Outcome apply(ShopifyOrder incoming, Long inboxId) {
        ShopifySettings shop = settings.current()
                .orElseThrow(() -> new ShopifyReviewNeeded("The Shopify connection is not configured.").withKey("shopify.notConfigured"));
        Row row = lock(incoming.id());
        if (inboxId != null) {
            inbox.processed(inboxId);
        }
        // Each delivery carries the whole order: one older than what was applied says nothing new.
        if (row.orderId != null && row.updatedAt != null && incoming.updatedAt() != null
                && incoming.updatedAt().isBefore(row.updatedAt) && !row.review) {
            return Outcome.UNCHANGED;
        }
        Outcome outcome;
        Order order;
        if (row.orderId == null) {
            if (incoming.cancelled() && !incoming.paid()) {
                // Cancelled before Cuadra ever saw it (a pull catching up): nothing was sold.
                store(row, incoming, null);
                return Outcome.UNCHANGED;
            }
            order = orders.find(register(incoming, shop));
            outcome = Outcome.CREATED;
        } else {
            order = orders.find(row.orderId);
            outcome = Outcome.UNCHANGED;
        }
        if (order.getStatus() != OrderStatus.CANCELLED) {
            BigDecimal due = incoming.paymentDue(order.getTotal(), order.getPaidTotal());
            if (due.signum() > 0 && !incoming.cancelled()) {
                ShopifyOrder.Payment last = incoming.takenPayments().get(incoming.takenPayments().size() - 1);
                String reference = (last.gateway() == null ? "" : last.gateway() + " ") + last.reference();
                orders.pay(order.getId(), null, new PaymentDraft(shop.paymentMethodCode(), due, null,
                        reference.length() > 60 ? reference.substring(0, 60) : reference));
                outcome = outcome == Outcome.CREATED ? outcome : Outcome.UPDATED;
            }
            if (incoming.cancelled()) {
                Order current = orders.find(order.getId());
                String why = incoming.cancelReason() == null ? "" : " (" + incoming.cancelReason().toLowerCase(java.util.Locale.ROOT) + ")";
                orders.cancel(current.getId(), current.getVersion(), "Cancelled in Shopify" + why);
                outcome = outcome == Outcome.CREATED ? outcome : Outcome.UPDATED;
            }
        }
        store(row, incoming, order.getId());
        return outcome;
    }

    /** Puts an order in the review list with why; the webhook it came from counts as handled. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void holdForReview(ShopifyOrder incoming, String reason, Long inboxId) {
        Row row = lock(incoming.id());
        if (inboxId != null) {
            inbox.processed(inboxId);
        }
        CrossTenantSql.query(em, """
                update shopify_orders set status = 'REVIEW', reason = ?2, payload = ?3, name = ?4,
                       updated_at = now(), updated_by = ?5, version = version + 1
                 where id = ?1""")
                .setParameter(1, row.id).setParameter(2, reason.length() > 1000 ? reason.substring(0, 1000) : reason)
                .setParameter(3, ShopifyPayloads.toStored(incoming)).setParameter(4, incoming.name())
                .setParameter(5, TenantContext.actorName()).executeUpdate();
    }

    /**
     * A Shopify customer as a Cuadra customer: linked before, else found by e-mail or phone, else created. Two
     * messages about one new Shopify customer (its customers/create and its first order, handled at once) would
     * each find no link and create a customer: a transaction-scoped lock on the Shopify id makes the second wait
     * for the first's commit and then find its link. The unique key on the link is the backstop: a conflict there
     * rolls the whole message back, to be handled again (never into the review list).
     */
    public Long customer(ShopifyCustomer shopifyCustomer) {
        return customer(shopifyCustomer, false);
    }

    private Long customer(ShopifyCustomer shopifyCustomer, boolean copyChanges) {
        // Only counter sales may be anonymous: a guest checkout is the tenant's one "Shopify guest" (Shopify id 0).
        ShopifyCustomer c = shopifyCustomer != null ? shopifyCustomer : new ShopifyCustomer(0, null, null, "Shopify", "guest");
        long tenant = TenantContext.require().tenantId();
        CrossTenantSql.query(em, "select 1 from (select pg_advisory_xact_lock(hashtextextended('shopify-customer:' || ?1"
                        + " || ':' || ?2, 0))) locked")
                .setParameter(1, tenant).setParameter(2, c.id()).getSingleResult();
        @SuppressWarnings("unchecked")
        List<Object[]> linked = CrossTenantSql.query(em, """
                        select customer_id, shopify_updated_at from shopify_customers
                         where tenant_id = ?1 and shopify_id = ?2""")
                .setParameter(1, tenant).setParameter(2, c.id()).getResultList();
        if (!linked.isEmpty()) {
            long customerId = ((Number) linked.get(0)[0]).longValue();
            Instant copied = linked.get(0)[1] == null ? null : ((Timestamp) linked.get(0)[1]).toInstant();
            if (copyChanges && c.id() != 0 && (copied == null || c.updatedAt() == null || c.updatedAt().isAfter(copied))) {
                copyChanges(customerId, c);
            }
            return customerId;
        }
        Customer customer = c.reachable() ? customers.byContact(c.email(), c.phone()).orElse(null) : null;
        if (customer == null) {
            String[] names = names(c);
            customer = customers.create(new CustomerDraft(DocumentType.NONE, "-", names[0], names[1], null, c.email(),
                    c.phone(), null, null, null, null, null, null,
                    c.email() != null ? ContactChannel.EMAIL : null, false, "Shopify customer " + c.id(), true));
        }
        int inserted = CrossTenantSql.query(em, """
                insert into shopify_customers (id, tenant_id, shopify_id, customer_id, shopify_updated_at, created_by,
                                               updated_by)
                values (nextval('cuadra_id_seq'), ?1, ?2, ?3, cast(?5 as timestamptz), ?4, ?4)
                on conflict (tenant_id, shopify_id) do nothing""")
                .setParameter(1, tenant).setParameter(2, c.id()).setParameter(3, customer.getId())
                .setParameter(4, TenantContext.actorName())
                .setParameter(5, c.updatedAt() == null ? null : Timestamp.from(c.updatedAt())).executeUpdate();
        if (inserted == 0) {
            // Not a refusal of the message: it rolls back whole and the outbox worker hands it over again.
            throw new IllegalStateException("Shopify customer " + c.id() + " was linked by another message meanwhile");
        }
        return customer.getId();
    }

    /** The entity wants a first name: the last name, else how to reach them. */
    private static String[] names(ShopifyCustomer c) {
        String first = c.firstName() == null || c.firstName().isBlank() ? null : c.firstName();
        String last = c.lastName() == null || c.lastName().isBlank() ? null : c.lastName();
        if (first == null) {
            first = last != null ? last : c.email() != null ? c.email() : c.phone() != null ? c.phone() : "Shopify";
            last = last != null && last.equals(first) ? null : last;
        }
        return new String[]{first, last};
    }

    /**
     * customers/update: the names, e-mail and phone Shopify now has go to the linked customer (what Shopify leaves
     * empty stays; what only Cuadra knows — document, address, birth date — is untouched). A merged or deleted
     * customer is left alone.
     */
    private void copyChanges(long customerId, ShopifyCustomer c) {
        Customer existing = customers.find(customerId);
        if (existing.isMerged() || existing.isDeleted()) {
            return;
        }
        String[] names = c.firstName() == null && c.lastName() == null
                ? new String[]{existing.getFirstName(), existing.getLastName()} : names(c);
        customers.update(customerId, existing.getVersion(), new CustomerDraft(existing.getDocumentType(),
                existing.getDocumentNumber(), names[0], names[1], existing.getBusinessName(),
                c.email() != null ? c.email() : existing.getEmail(), c.phone() != null ? c.phone() : existing.getPhone(),
                existing.getAddress(), existing.getDistrict(), existing.getCity(), existing.getRegion(),
                existing.getCountry(), existing.getPreferredLanguage(), existing.getPreferredChannel(),
                existing.isContactOptOut(), existing.getNotes(), existing.isActive()));
        CrossTenantSql.query(em, """
                update shopify_customers set shopify_updated_at = cast(?3 as timestamptz), updated_at = now(),
                       updated_by = ?4,
                       version = version + 1
                 where tenant_id = ?1 and shopify_id = ?2""")
                .setParameter(1, TenantContext.require().tenantId()).setParameter(2, c.id())
                .setParameter(3, c.updatedAt() == null ? null : Timestamp.from(c.updatedAt()))
                .setParameter(4, TenantContext.actorName()).executeUpdate();
    }

    /** customers/create and customers/update webhooks, and the first import's customers: linked once, kept current. */
    public Long applyCustomer(ShopifyCustomer c, Long inboxId) {
        if (inboxId != null) {
            inbox.processed(inboxId);
        }
        return customer(c, true);
    }

    /** What applying a refund did; WAITING: its order is not in Cuadra yet (try again later). */
    public enum RefundOutcome { RETURNED, UNCHANGED, WAITING }

    /**
     * refunds/create: exactly the refunded lines come back through the orders component's return (its credit note
     * and the goods back to their lots — or to wastage, as the tenant's refund rule says), once per refund id. A
     * paid Shopify order still open is completed first (it was delivered: that is what a return needs). A refund
     * Cuadra cannot take as it stands (money only, a SKU the order lacks) throws; the caller holds it for review.
     */
    public RefundOutcome applyRefund(ShopifyRefund refund, String payload, Long inboxId) {
        RefundRow row = lockRefund(refund, payload);
        if (!"PENDING".equals(row.status())) {
            if (inboxId != null) {
                inbox.processed(inboxId);
            }
            return RefundOutcome.UNCHANGED;
        }
        @SuppressWarnings("unchecked")
        List<Number> imported = CrossTenantSql.query(em, """
                select order_id from shopify_orders where tenant_id = ?1 and shopify_id = ?2 and status = 'IMPORTED'""")
                .setParameter(1, TenantContext.require().tenantId()).setParameter(2, refund.orderId()).getResultList();
        if (imported.isEmpty()) {
            return RefundOutcome.WAITING;
        }
        if (inboxId != null) {
            inbox.processed(inboxId);
        }
        if (refund.moneyOnly()) {
            throw new ShopifyReviewNeeded("Refund " + refund.id() + " gives back " + refund.amount().toPlainString()
                    + " without returning any line: issue the credit note by hand.")
                    .withKey("shopify.refundMoneyOnly", String.valueOf(refund.id()), refund.amount().toPlainString());
        }
        long orderId = imported.get(0).longValue();
        Order order = orders.find(orderId);
        if (order.getStatus() == OrderStatus.REGISTERED || order.getStatus() == OrderStatus.IN_PROCESS) {
            String note = "Delivered by the shop (a Shopify refund returns part of it)";
            if (order.getStatus() == OrderStatus.REGISTERED) {
                order = orders.changeStatus(orderId, order.getVersion(), OrderStatus.IN_PROCESS, note);
            }
            order = orders.changeStatus(orderId, order.getVersion(), OrderStatus.COMPLETED, note);
        }
        RefundRestock restock = settings.current().map(ShopifySettings::refundRestock).orElse(RefundRestock.SHOPIFY);
        List<ReturnRequest> requests = refund.returnRequests(linesLeft(order), this::itemOf, restock);
        String reason = "Shopify refund " + refund.id() + (refund.note() == null || refund.note().isBlank() ? ""
                : ": " + refund.note().strip());
        OrderReturn back = orders.returnGoods(orderId, order.getVersion(), requests,
                reason.length() > 300 ? reason.substring(0, 300) : reason);
        String differs = back.getAmount().compareTo(refund.amount()) == 0 ? null
                : "Shopify gave back " + refund.amount().toPlainString() + "; the return credits "
                + back.getAmount().toPlainString() + " at the order's prices.";
        CrossTenantSql.query(em, """
                update shopify_refunds set status = 'RETURNED', order_id = ?2, return_id = ?3, returned_amount = ?4,
                       reason = ?5, updated_at = now(), updated_by = ?6, version = version + 1
                 where id = ?1""")
                .setParameter(1, row.id()).setParameter(2, orderId).setParameter(3, back.getId())
                .setParameter(4, back.getAmount()).setParameter(5, differs)
                .setParameter(6, TenantContext.actorName()).executeUpdate();
        return RefundOutcome.RETURNED;
    }

    /** Puts a refund in the review list with why; the webhook it came from counts as handled. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void holdRefundForReview(ShopifyRefund refund, String payload, String reason, Long inboxId) {
        RefundRow row = lockRefund(refund, payload);
        if (inboxId != null) {
            inbox.processed(inboxId);
        }
        CrossTenantSql.query(em, """
                update shopify_refunds set status = 'REVIEW', reason = ?2, updated_at = now(), updated_by = ?3,
                       version = version + 1
                 where id = ?1 and status <> 'RETURNED'""")
                .setParameter(1, row.id()).setParameter(2, reason.length() > 1000 ? reason.substring(0, 1000) : reason)
                .setParameter(3, TenantContext.actorName()).executeUpdate();
    }

    private record RefundRow(long id, String status) {
    }

    /** The refund's row, created if new, locked until commit. */
    private RefundRow lockRefund(ShopifyRefund refund, String payload) {
        long tenant = TenantContext.require().tenantId();
        CrossTenantSql.query(em, """
                insert into shopify_refunds (id, tenant_id, shopify_id, shopify_order_id, status, shopify_amount, payload,
                                             created_by, updated_by)
                values (nextval('cuadra_id_seq'), ?1, ?2, ?3, 'PENDING', ?4, ?5, ?6, ?6)
                on conflict (tenant_id, shopify_id) do nothing""")
                .setParameter(1, tenant).setParameter(2, refund.id()).setParameter(3, refund.orderId())
                .setParameter(4, refund.amount()).setParameter(5, payload)
                .setParameter(6, TenantContext.actorName()).executeUpdate();
        Object[] r = (Object[]) CrossTenantSql.query(em, """
                select id, status from shopify_refunds where tenant_id = ?1 and shopify_id = ?2 for update""")
                .setParameter(1, tenant).setParameter(2, refund.id()).getSingleResult();
        return new RefundRow(((Number) r[0]).longValue(), (String) r[1]);
    }

    /** Each line of the order with how much of it has not come back yet. */
    private static List<ShopifyRefund.OrderLineLeft> linesLeft(Order order) {
        List<ShopifyRefund.OrderLineLeft> out = new ArrayList<>();
        for (OrderLine line : order.getLines()) {
            BigDecimal back = order.getReturns().stream().flatMap(r -> r.getLines().stream())
                    .filter(l -> l.getLineNumber() == line.getLineNumber())
                    .map(OrderReturnLine::getQuantity).reduce(BigDecimal.ZERO, BigDecimal::add);
            out.add(new ShopifyRefund.OrderLineLeft(line.getLineNumber(), line.getItemId(),
                    line.getQuantity().subtract(back)));
        }
        return out;
    }

    /** Registers the order through the orders service; returns its id. */
    private long register(ShopifyOrder incoming, ShopifySettings shop) {
        List<OrderDraft.Line> lines = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (ShopifyOrder.Line l : incoming.lines()) {
            Long itemId = itemOf(l.sku());
            if (itemId == null) {
                unknown.add((l.sku() == null || l.sku().isBlank() ? "(no SKU)" : l.sku())
                        + (l.title() == null ? "" : " \"" + l.title() + "\""));
            } else {
                lines.add(new OrderDraft.Line(itemId, null, l.quantity(), null, List.of()));
            }
        }
        if (!unknown.isEmpty()) {
            throw new ShopifyReviewNeeded("Unknown SKU: " + String.join(", ", unknown)
                    + ". Map each SKU to a catalog item, then retry.").withKey("shopify.unknownSku", String.join(", ", unknown));
        }
        RegisteredOrder order = orders.registerOrder(new OrderDraft(shop.locationId(), customer(incoming.customer()),
                SalesChannel.SHOPIFY, "Shopify " + (incoming.name() == null ? incoming.id() : incoming.name()), lines,
                List.of(), List.of()));
        if (order.total().compareTo(incoming.total()) != 0) {
            throw new ShopifyReviewNeeded("The total differs: Shopify " + incoming.total().toPlainString() + ", Cuadra "
                    + order.total().toPlainString() + " at today's catalog prices.").withKey("shopify.totalDiffers", incoming.total().toPlainString(), order.total().toPlainString());
        }
        return order.orderId();
    }

    /** The item a SKU names: mapped from the review list, else the catalog item of that code. */
    private Long itemOf(String sku) {
        if (sku == null || sku.isBlank()) {
            return null;
        }
        @SuppressWarnings("unchecked")
        List<Number> mapped = CrossTenantSql.query(em,
                        "select item_id from shopify_sku_map where tenant_id = ?1 and sku = ?2")
                .setParameter(1, TenantContext.require().tenantId()).setParameter(2, sku.strip()).getResultList();
        if (!mapped.isEmpty()) {
            return mapped.get(0).longValue();
        }
        return items.findByCode(sku.strip()).map(Item::getId).orElse(null);
    }

    /** The order's row, created if new, locked until commit. */
    private Row lock(long shopifyId) {
        long tenant = TenantContext.require().tenantId();
        String actor = TenantContext.actorName();
        CrossTenantSql.query(em, """
                insert into shopify_orders (id, tenant_id, shopify_id, status, payload, created_by, updated_by)
                values (nextval('cuadra_id_seq'), ?1, ?2, 'REVIEW', '{}', ?3, ?3)
                on conflict (tenant_id, shopify_id) do nothing""")
                .setParameter(1, tenant).setParameter(2, shopifyId).setParameter(3, actor).executeUpdate();
        Object[] r = (Object[]) CrossTenantSql.query(em, """
                select id, order_id, shopify_updated_at, status from shopify_orders
                 where tenant_id = ?1 and shopify_id = ?2 for update""")
                .setParameter(1, tenant).setParameter(2, shopifyId).getSingleResult();
        return new Row(((Number) r[0]).longValue(), r[1] == null ? null : ((Number) r[1]).longValue(),
                r[2] == null ? null : ((Timestamp) r[2]).toInstant(), "REVIEW".equals(r[3]));
    }

    private static final class Row {
        final long id;
        final Long orderId;
        final Instant updatedAt;
        final boolean review;

        Row(long id, Long orderId, Instant updatedAt, boolean review) {
            this.id = id;
            this.orderId = orderId;
            this.updatedAt = updatedAt;
            this.review = review;
        }
    }

    private void store(Row row, ShopifyOrder incoming, Long orderId) {
        Instant newest = row.updatedAt == null || (incoming.updatedAt() != null && incoming.updatedAt().isAfter(row.updatedAt))
                ? incoming.updatedAt() : row.updatedAt;
        CrossTenantSql.query(em, """
                update shopify_orders set status = ?2, order_id = ?3, reason = ?4, payload = ?5, name = ?6,
                       shopify_updated_at = ?7, updated_at = now(), updated_by = ?8, version = version + 1
                 where id = ?1""")
                .setParameter(1, row.id)
                .setParameter(2, orderId == null ? "REVIEW" : "IMPORTED")
                .setParameter(3, orderId)
                .setParameter(4, orderId == null ? "Cancelled in Shopify before it reached Cuadra: nothing to take." : null)
                .setParameter(5, ShopifyPayloads.toStored(incoming))
                .setParameter(6, incoming.name())
                .setParameter(7, newest == null ? null : Timestamp.from(newest))
                .setParameter(8, TenantContext.actorName()).executeUpdate();
    }
}
