-- The lab's technician (the seed's Laboratorista): sees the orders of their locations and moves their
-- status; no money (payments, discounts, cancellations), no settings. New tenants get it from the
-- default roles; tenants opened before get it here.
insert into roles (id, tenant_id, code, name, all_locations, created_by, updated_by)
select nextval('cuadra_id_seq'), t.id, 'LAB_TECHNICIAN', 'Laboratorista', false, 'flyway', 'flyway'
from tenants t
where exists (select 1 from roles r where r.tenant_id = t.id)
  and not exists (select 1 from roles r where r.tenant_id = t.id and r.code = 'LAB_TECHNICIAN');

insert into role_permissions (role_id, module, action)
select r.id, p.module, p.action
from roles r cross join (values ('ORDERS', 'VIEW'), ('ORDERS', 'EDIT'), ('CATALOG', 'VIEW'), ('CUSTOMERS', 'VIEW'))
    as p (module, action)
where r.code = 'LAB_TECHNICIAN'
on conflict do nothing;
