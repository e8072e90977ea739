-- Customer search over a million customers (the statement is io/cuadra/customers/application/customer-search.sql).
--
-- Names: every word of the tenant's customer names is kept once in customer_name_words, a table of a few
-- thousand rows where customers are a million. A typed word is first looked up there (trigrams: the
-- words that contain it, or the nearest spellings of a misspelt one), then the customers whose name has
-- those words are read from a GIN index on the words of the name. A word of the name is an exact key of
-- that index, so a common surname costs one posting list, not the intersection of several trigram lists
-- (quispe = qui & uis & isp & spe) over every name that has them.

-- Every word of the tenant's customer names. Words are only added: one that no customer uses any more
-- just finds nobody.
create table customer_name_words (
    tenant_id bigint not null references tenants (id),
    word      text   not null,
    primary key (tenant_id, word)
);
create index customer_name_words_trgm on customer_name_words using gin (word gin_trgm_ops);

-- Statement-level, with the transition table: a COPY or a bulk insert adds its words in one go.
create function customer_name_words_add() returns trigger language plpgsql as $$
begin
    insert into customer_name_words (tenant_id, word)
    select distinct n.tenant_id, w.word
    from new_customers n, unnest(string_to_array(n.search_name, ' ')) as w(word)
    where w.word <> ''
    on conflict do nothing;
    return null;
end $$;

create trigger customers_name_words_insert after insert on customers
    referencing new table as new_customers for each statement execute function customer_name_words_add();
create trigger customers_name_words_update after update on customers
    referencing new table as new_customers for each statement execute function customer_name_words_add();

insert into customer_name_words (tenant_id, word)
select distinct c.tenant_id, w.word
from customers c, unnest(string_to_array(c.search_name, ' ')) as w(word)
where w.word <> ''
on conflict do nothing;

-- The words of the name as a text-search vector (the words as they are: no stemming, no stop words),
-- written exactly as the search statement writes it, so that its query (gonzalez | gonzales) & maria
-- is answered here.
create index customers_search_words on customers
    using gin (array_to_tsvector(array_remove(string_to_array(search_name, ' '), '')));
-- Replaced by the words above.
drop index customers_search_name_trgm;

-- The e-mail is searched by its beginning only: a B-tree range rather than trigrams, with which
-- "quispe" also read every "maria.quispe7@..." to throw it away.
create index customers_email_prefix_idx on customers (tenant_id, email varchar_pattern_ops);
drop index customers_email_trgm;

-- A LIKE pattern that matches the text literally (backslash is LIKE's default escape).
create function cuadra_like_escape(value text) returns text
    language sql immutable strict parallel safe
    as $$ select replace(replace(replace(value, '\', '\\'), '%', '\%'), '_', '\_') $$;
