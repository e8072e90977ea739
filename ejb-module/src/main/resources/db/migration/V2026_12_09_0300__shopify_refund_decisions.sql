-- A refund held for review ends with a person's decision: APPLIED (the money went back to the customer and the
-- credit note was issued by hand — Cuadra has no money-only return) or DISMISSED (nothing to give back), with why.
alter table shopify_refunds drop constraint shopify_refunds_status_check;
alter table shopify_refunds add constraint shopify_refunds_status_check
    check (status in ('PENDING', 'RETURNED', 'REVIEW', 'APPLIED', 'DISMISSED'));
alter table shopify_refunds add column decision_reason varchar(500);
alter table shopify_refunds add column decided_by varchar(120);
alter table shopify_refunds add column decided_at timestamptz;
alter table shopify_refunds add constraint shopify_refunds_decided
    check (status not in ('APPLIED', 'DISMISSED') or (decision_reason is not null and decided_at is not null));
create index shopify_refunds_review on shopify_refunds (tenant_id, updated_at) where status = 'REVIEW';
