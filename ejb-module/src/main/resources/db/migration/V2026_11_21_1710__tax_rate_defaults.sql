-- The standard tax rates of each country. Reference data shared by every tenant, like a SUNAT catalog:
-- a tenant gets its own copy (rows of tax_rates) of its company's country when it is opened, and an admin
-- can add the ones it lacks later (TaxRateService.addDefaults). A new country or a new law is a new
-- migration, never code.
create table tax_rate_defaults (
    country          char(2)       not null check (country ~ '^[A-Z]{2}$'),
    name             varchar(80)   not null,
    percent          numeric(5, 2) not null check (percent >= 0 and percent < 100),
    affectation_code char(2)       not null check (affectation_code in ('10', '17', '20', '30', '40')),
    position         integer       not null,
    primary key (country, name),
    unique (country, position),
    check ((affectation_code in ('10', '17')) = (percent > 0))
);

-- Peru: IGV 18% (SUNAT catalog 07 code 10), exonerado (20), inafecto (30).
-- France: TVA taux normal 20 %, intermédiaire 10 %, réduit 5,5 %, particulier 2,1 % (CGI art. 278 to 281 nonies);
-- French rates use the same broad affectation codes (10 taxed) so one grouping of taxable bases serves both.
insert into tax_rate_defaults (country, name, percent, affectation_code, position) values
    ('PE', 'IGV 18%', 18.00, '10', 1),
    ('PE', 'Exonerado', 0.00, '20', 2),
    ('PE', 'Inafecto', 0.00, '30', 3),
    ('FR', 'TVA 20 %', 20.00, '10', 1),
    ('FR', 'TVA 10 %', 10.00, '10', 2),
    ('FR', 'TVA 5,5 %', 5.50, '10', 3),
    ('FR', 'TVA 2,1 %', 2.10, '10', 4);
