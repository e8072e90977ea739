-- One page of the ledger of an item in a warehouse, newest first, with the running balance.
-- Read by StockReports and by the benchmark (integration-tests .../bench/ItemLedgerBenchmark), so both
-- time the same statement. Parameters: ?1 tenant, ?2 warehouse, ?3 item, ?4 keyset cursor (the page
-- holds the lines numbered below it; Long.MAX_VALUE for the first page), ?5 page size.
--
-- The running balance is not summed here: every move stores the item's on hand in the warehouse
-- right after it (balance_after, written under the lock of the item's stock level) and its line
-- number in that ledger, so any page is an index range scan of stock_moves (warehouse_id, item_id,
-- line_no) however long the ledger is — no OFFSET, no window over earlier moves.
select m.id, m.line_no, m.type, m.quantity, m.effect, m.balance_after, m.lot_balance_after, m.lot_id, l.code,
       l.expires_on, m.unit_cost, m.currency, m.reference_type, m.reference_id, m.reference_line_id, m.reason,
       m.moved_at, m.created_by
from stock_moves m
join inventory_lots l on l.id = m.lot_id
where m.tenant_id = ?1 and m.warehouse_id = ?2 and m.item_id = ?3 and m.line_no < ?4
order by m.line_no desc
limit ?5
