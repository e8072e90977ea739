-- The closure job reads a location's day of invoices, receipts and credit notes a page at a time in
-- (issued_at, id) order; without this index every page scans and sorts the day's documents again.
create index billing_documents_location_issued_idx on billing_documents (tenant_id, location_id, issued_at, id);
