package io.cuadra.shopify.application;

import io.cuadra.catalog.application.ItemService;
import io.cuadra.catalog.domain.Item;
import io.cuadra.identity.domain.Action;
import io.cuadra.shared.domain.NotFound;
import io.cuadra.shared.infrastructure.CrossTenantSql;
import io.cuadra.shared.tenancy.TenantContext;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
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
}
