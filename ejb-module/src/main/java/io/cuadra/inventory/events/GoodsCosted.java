package io.cuadra.inventory.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * Fired synchronously inside the order's transaction once its goods moved: on payment the cost of goods sold of
 * each line (FIFO over the lots consumed, rounded once per line), on cancellation or return the cost the goods
 * came back at (each move's quantity × the unit cost it left with, rounded per move). A kit line's components
 * are costed together under the line's item.
 *
 * @param back false: goods left (sale); true: goods came back
 * @param at   when they moved
 */
public record GoodsCosted(long orderId, long locationId, String channel, boolean back, Instant at, List<Line> lines) {

    public GoodsCosted {
        lines = List.copyOf(lines);
    }

    /** The cost of one order line's goods, in the lots' currency (the tenant's). */
    public record Line(long lineId, long itemId, BigDecimal cost) {
    }
}
