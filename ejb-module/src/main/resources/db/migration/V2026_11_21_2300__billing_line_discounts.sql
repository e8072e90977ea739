-- The discount without tax taken off each document line (SUNAT line allowance, catalog 53 code 00):
-- quantity x unit_value = value_amount + discount_amount, to the cent.
alter table billing_document_lines
    add column discount_amount numeric(12, 2) not null default 0 check (discount_amount >= 0);
