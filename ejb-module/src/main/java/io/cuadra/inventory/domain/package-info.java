/**
 * Pure-Java stock rules: no JPA, no EJB. Services load rows, map them to these values, call the
 * rules and persist what comes back, all inside one transaction; a {@link
 * io.cuadra.inventory.domain.StockRuleException} means nothing of the operation may be recorded.
 *
 * <h2>Mapping</h2>
 * <ul>
 *   <li>{@link io.cuadra.inventory.domain.Lot} ↔ Lot (an untracked item gets one implicit lot,
 *       code {@value io.cuadra.inventory.domain.Lot#IMPLICIT_CODE}, no expiry).</li>
 *   <li>{@link io.cuadra.inventory.domain.LotStock} ↔ the balance row of (warehouse, item, lot): on hand.</li>
 *   <li>{@link io.cuadra.inventory.domain.StockBalance} ↔ on hand and reserved of (warehouse, item);
 *       reservations are per item because lots are picked only at payment.</li>
 *   <li>{@link io.cuadra.inventory.domain.StockMove} ↔ StockMove, one row per lot touched; the OUT
 *       moves of an order line are its recorded takes.</li>
 * </ul>
 *
 * <h2>Numbers</h2>
 * Quantities: scale 3, more decimals refused (computed kit quantities rounded half-up). Unit costs:
 * scale 6 ({@link io.cuadra.inventory.domain.UnitCost} says why). Money: scale 2 half-up, once per
 * order line for the cost of goods sold.
 *
 * <h2>Sign convention of moves</h2>
 * IN, TRANSFER_IN, RETURN add; OUT, TRANSFER_OUT, WASTAGE remove; all are recorded with a positive
 * quantity. ADJUSTMENT is recorded with its sign (counted − book).
 */
package io.cuadra.inventory.domain;
