package io.cuadra.web.catalog;

import io.cuadra.web.platform.Amount;
import io.cuadra.catalog.domain.BundleComponent;
import io.cuadra.catalog.domain.Item;
import io.cuadra.catalog.domain.ItemPrice;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/** What the catalog API answers: records, never entities. */
public final class CatalogViews {

    private CatalogViews() {
    }

    @Schema(name = "BundleComponent")
    public record ComponentView(long itemId, String code, String name, BigDecimal quantity) implements java.io.Serializable {
        static ComponentView of(BundleComponent c) {
            return new ComponentView(c.getComponent().getId(), c.getComponent().getCode(), c.getComponent().getName(),
                    c.getQuantity());
        }
    }

    @Schema(name = "Item")
    public record ItemView(long id, String type, String code, String barcode, String name, String description,
                           Long categoryId, String categoryName, String unitCode, @Amount BigDecimal price, long taxRateId,
                           BigDecimal taxPercent, String affectationCode, boolean trackLots, boolean trackExpiry,
                           BigDecimal criticalStock, BigDecimal weightKg, BigDecimal lengthCm, BigDecimal widthCm,
                           BigDecimal heightCm, boolean active, List<ComponentView> components, long version) implements java.io.Serializable {
        public static ItemView of(Item i) {
            return new ItemView(i.getId(), i.getType().name(), i.getCode(), i.getBarcode(), i.getName(),
                    i.getDescription(), i.getCategory() == null ? null : i.getCategory().getId(),
                    i.getCategory() == null ? null : i.getCategory().getName(), i.getUnitCode(), i.getPrice(),
                    i.getTaxRate().getId(), i.getTaxRate().getPercent(), i.getTaxRate().getAffectationCode(),
                    i.isTrackLots(), i.isTrackExpiry(), i.getCriticalStock(), i.getWeightKg(), i.getLengthCm(),
                    i.getWidthCm(), i.getHeightCm(), i.isActive(),
                    i.getComponents().stream().map(ComponentView::of).toList(), i.getVersion());
        }
    }

    @Schema(name = "ItemPrice")
    public record PriceView(long id, @Amount BigDecimal oldPrice, @Amount BigDecimal newPrice, String reason, String changedBy,
                            OffsetDateTime changedAt) implements java.io.Serializable {
        public static PriceView of(ItemPrice p) {
            return new PriceView(p.getId(), p.getOldPrice(), p.getNewPrice(), p.getReason(), p.getCreatedBy(),
                    p.getCreatedAt().atOffset(ZoneOffset.UTC));
        }
    }
}
