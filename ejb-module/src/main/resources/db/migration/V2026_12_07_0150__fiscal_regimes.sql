-- Fiscal regime per tenant (billing chooses its strategy by it) and the internal receipt documents of
-- regimes with no integrated tax authority (CL, MX): RECEIPT and its CREDIT_SLIP.

alter table billing_profiles add column fiscal_regime varchar(20)
    check (fiscal_regime in ('SUNAT', 'FRENCH', 'INTERNAL_RECEIPT'));

-- Existing profiles get the regime their company's country implies, written down so it can be changed.
-- No profile, or a null regime, means "the one of the company's country" (PE SUNAT, FR FRENCH, others
-- INTERNAL_RECEIPT): tenants opened later need no billing row to sell.
update billing_profiles p
   set fiscal_regime = case c.country when 'PE' then 'SUNAT' when 'FR' then 'FRENCH' else 'INTERNAL_RECEIPT' end
  from companies c
 where c.tenant_id = p.tenant_id;

-- The kind checks of V2026_11_21_2000 were unnamed: drop them by what they say, add them back named.
do $$
declare
    c record;
begin
    for c in select conname from pg_constraint
              where conrelid = 'billing_documents'::regclass and contype = 'c'
                and pg_get_constraintdef(oid) like '%kind%'
    loop
        execute format('alter table billing_documents drop constraint %I', c.conname);
    end loop;
end $$;

alter table billing_documents
    add constraint billing_documents_kind_known
        check (kind in ('FACTURA', 'BOLETA', 'CREDIT_NOTE', 'FACTURE', 'AVOIR', 'RECEIPT', 'CREDIT_SLIP')),
    add constraint billing_documents_correction_has_original
        check ((kind in ('CREDIT_NOTE', 'AVOIR', 'CREDIT_SLIP')) = (original_id is not null)),
    add constraint billing_documents_correction_has_reason
        check (kind not in ('CREDIT_NOTE', 'AVOIR', 'CREDIT_SLIP') or reason_code is not null);
