package io.cuadra.shopify.application;

import io.cuadra.audit.application.AuditTrail;
import io.cuadra.catalog.application.ItemService;
import io.cuadra.catalog.domain.Item;
import io.cuadra.identity.domain.Action;
import io.cuadra.shared.domain.Conflict;
import io.cuadra.shared.domain.NotFound;
import io.cuadra.shared.domain.RuleViolation;
import io.cuadra.shared.infrastructure.CrossTenantSql;
import io.cuadra.shared.tenancy.TenantContext;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.json.Json;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/** The review list: Shopify orders Cuadra could not take, with why, and the SKU mappings that release them. */
@Stateless
public class ShopifyReview {

    @PersistenceContext(unitName = "cuadra")
    EntityManager em;

    @EJB
    ItemService items;

    @EJB
    AuditTrail audit;

    @EJB
    ShopifySyncState syncState;

    @EJB
    io.cuadra.shared.inbox.Inbox inbox;

    /** The shop's status page: the last pull, the webhooks received and processed, the orders waiting for review. */
    public record Status(ShopifySyncState.View pull, io.cuadra.shared.inbox.InboxCounts webhooks, int waiting) {
    }

    /** The status read in one transaction (one consistent picture rather than three reads). */
    public Status status() {
        ShopifySyncState.View pull = syncState.view()
                .orElse(new ShopifySyncState.View(null, null, null, 0, 0, 0, false));
        return new Status(pull, inbox.counts(ShopifyInboxHandler.SOURCE), waiting().size());
    }

    /** One waiting order. */
    public record Waiting(long id, long shopifyId, String name, String reason, Long orderId, Instant updatedAt,
                          String payload) implements java.io.Serializable {
    }

    /** One imported order: the Shopify order and the Cuadra order it became. */
    public record Imported(long shopifyId, String name, long orderId) {
    }

    public List<Waiting> waiting() {
        ShopifySettingsService.require(Action.VIEW);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = CrossTenantSql.query(em, """
                select id, shopify_id, name, reason, order_id, updated_at, payload from shopify_orders
                 where tenant_id = ?1 and status = 'REVIEW' order by updated_at desc, id desc limit 500""")
                .setParameter(1, TenantContext.require().tenantId()).getResultList();
        return rows.stream().map(r -> new Waiting(((Number) r[0]).longValue(), ((Number) r[1]).longValue(),
                (String) r[2], (String) r[3], r[4] == null ? null : ((Number) r[4]).longValue(),
                ((Timestamp) r[5]).toInstant(), (String) r[6])).toList();
    }

    public Waiting find(long id) {
        return waiting().stream().filter(w -> w.id() == id).findFirst()
                .orElseThrow(() -> new NotFound("No Shopify order " + id + " waits in review.").withKey("shopify.noReview", id));
    }

    /** The Cuadra order a Shopify order became, if it did. */
    public java.util.Optional<Imported> imported(long shopifyId) {
        ShopifySettingsService.require(Action.VIEW);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = CrossTenantSql.query(em, """
                select shopify_id, name, order_id from shopify_orders
                 where tenant_id = ?1 and shopify_id = ?2 and order_id is not null""")
                .setParameter(1, TenantContext.require().tenantId()).setParameter(2, shopifyId).getResultList();
        return rows.stream().findFirst().map(r -> new Imported(((Number) r[0]).longValue(), (String) r[1],
                ((Number) r[2]).longValue()));
    }

    /** Maps a Shopify SKU to a catalog item (by its code), replacing an earlier mapping of that SKU. */
    public void mapSku(String sku, String itemCode) {
        ShopifySettingsService.require(Action.EDIT);
        if (sku == null || sku.isBlank() || sku.strip().length() > 100) {
            throw new io.cuadra.shared.domain.RuleViolation("sku: the Shopify SKU, at most 100 characters.");
        }
        Item item = items.byCode(itemCode);
        String actor = TenantContext.actorName();
        CrossTenantSql.query(em, """
                insert into shopify_sku_map (id, tenant_id, sku, item_id, created_by, updated_by)
                values (nextval('cuadra_id_seq'), ?1, ?2, ?3, ?4, ?4)
                on conflict (tenant_id, sku) do update set item_id = excluded.item_id, updated_at = now(),
                       updated_by = excluded.updated_by, version = shopify_sku_map.version + 1""")
                .setParameter(1, TenantContext.require().tenantId()).setParameter(2, sku.strip())
                .setParameter(3, item.getId()).setParameter(4, actor).executeUpdate();
    }

    /** A Shopify refund Cuadra did not apply by itself (money only...), with why, and what a person decided. */
    public record HeldRefund(long id, long shopifyId, long shopifyOrderId, Long orderId, BigDecimal amount,
                             String status, String reason, String decisionReason, String decidedBy, Instant decidedAt,
                             Instant updatedAt) implements java.io.Serializable {
    }

    private static final String REFUND_COLUMNS = """
            select r.id, r.shopify_id, r.shopify_order_id, coalesce(r.order_id, o.order_id), r.shopify_amount,
                   r.status, r.reason, r.decision_reason, r.decided_by, r.decided_at, r.updated_at
              from shopify_refunds r
              left join shopify_orders o on o.tenant_id = r.tenant_id and o.shopify_id = r.shopify_order_id
             where r.tenant_id = ?1""";

    /** The refunds waiting for a person, newest first. */
    public List<HeldRefund> refundsHeld() {
        ShopifySettingsService.require(Action.VIEW);
        return refunds(REFUND_COLUMNS + " and r.status = 'REVIEW' order by r.updated_at desc, r.id desc limit 500", null);
    }

    /**
     * A person's decision on a held refund: APPLIED (the money went back and the credit note was issued by hand)
     * or DISMISSED, with why; audited. One decision per refund: a second one is a conflict.
     */
    public HeldRefund decideRefund(long id, boolean apply, String reason) {
        ShopifySettingsService.require(Action.EDIT);
        if (reason == null || reason.isBlank() || reason.strip().length() > 500) {
            throw new RuleViolation("reason: why, at most 500 characters.").withKey("shopify.refundDecisionReason");
        }
        List<HeldRefund> found = refunds(REFUND_COLUMNS + " and r.id = ?2 for update of r", id);
        if (found.isEmpty() || "PENDING".equals(found.get(0).status()) || "RETURNED".equals(found.get(0).status())) {
            throw new NotFound("No Shopify refund " + id + " held for review.").withKey("shopify.noHeldRefund", id);
        }
        if (!"REVIEW".equals(found.get(0).status())) {
            throw new Conflict("Refund " + id + " was already " + found.get(0).status() + ".")
                    .withKey("shopify.refundDecided", id, found.get(0).status());
        }
        String status = apply ? "APPLIED" : "DISMISSED";
        CrossTenantSql.query(em, """
                update shopify_refunds set status = ?2, decision_reason = ?3, decided_by = ?4, decided_at = now(),
                       updated_at = now(), updated_by = ?4, version = version + 1
                 where id = ?1""")
                .setParameter(1, id).setParameter(2, status).setParameter(3, reason.strip())
                .setParameter(4, TenantContext.actorName()).executeUpdate();
        HeldRefund held = found.get(0);
        audit.security(TenantContext.require(), apply ? "shopify.refund-applied" : "shopify.refund-dismissed",
                "ShopifyRefund", id, Json.createObjectBuilder().add("shopifyId", held.shopifyId())
                        .add("amount", held.amount() == null ? "" : held.amount().toPlainString())
                        .add("reason", reason.strip()).build().toString());
        return refunds(REFUND_COLUMNS + " and r.id = ?2", id).get(0);
    }

    private List<HeldRefund> refunds(String sql, Long id) {
        var query = CrossTenantSql.query(em, sql).setParameter(1, TenantContext.require().tenantId());
        if (id != null) {
            query.setParameter(2, id);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(r -> new HeldRefund(((Number) r[0]).longValue(), ((Number) r[1]).longValue(),
                ((Number) r[2]).longValue(), r[3] == null ? null : ((Number) r[3]).longValue(), (BigDecimal) r[4],
                (String) r[5], (String) r[6], (String) r[7], (String) r[8],
                r[9] == null ? null : ((Timestamp) r[9]).toInstant(), ((Timestamp) r[10]).toInstant())).toList();
    }
}
