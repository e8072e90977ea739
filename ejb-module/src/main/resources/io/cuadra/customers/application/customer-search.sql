-- One page of customers matching what was typed, best first, with the number of matches (at most 500).
-- Read by CustomerSearch and by the benchmark (integration-tests .../bench/CustomerSearchBenchmark),
-- so both measure the same statement. Parameters: ?1 the tenant, then the components of CustomerQuery
-- in their order (null switches a branch off), then the page:
--  ?2 document exact  ?3 document prefix pattern  ?4 name words  ?5 folded text (ranking)
--  ?6 phone digits pattern  ?7 e-mail prefix pattern  ?8 limit  ?9 offset
--
-- Each kind of match is its own branch, capped at 500 rows, so a common name ("quispe") costs 500 rows
-- and not forty thousand; only the rows found (at most 500) are ranked and counted. The cap keeps the
-- better kinds first: the document, then the e-mail, the name, the phone.
--
-- Names: every typed word must be in the name, in any order. Each is first looked up among the words of
-- the tenant's names (customer_name_words, small, trigram index): a word of one or two letters stands
-- for the words it begins, a longer one for the words that contain it ("gonz": gonzalez), and a word of
-- four letters or more that no name contains for its nearest spellings ("fernandes": fernandez) if it
-- is only letters ("jose.ramirez" is rather an e-mail). The words become one text-search query,
-- (gonzalez | gonzales) & (maria | mariana), answered by the GIN index on the words of the name
-- (customers_search_words, same expression): one posting list per word.
with typed as materialized (
    select case when length(t.w) < 3
                then array(select d.word from customer_name_words d
                           where d.tenant_id = ?1 and d.word like cuadra_like_escape(t.w) || '%'
                           order by length(d.word), d.word limit 500)
                else coalesce(
                       nullif(array(select d.word from customer_name_words d
                                    where d.tenant_id = ?1 and d.word like '%' || cuadra_like_escape(t.w) || '%'
                                    order by length(d.word), d.word limit 500), '{}'),
                       array(select d.word from customer_name_words d
                             where length(t.w) >= 4 and t.w ~ '^[[:alpha:]]+$' and d.tenant_id = ?1 and d.word % t.w
                             order by similarity(d.word, t.w) desc, length(d.word), d.word limit 3))
           end as words
    from unnest(string_to_array(cast(?4 as text), ' ')) as t(w)
),
-- No row (so nobody) when a typed word stands for no word at all.
wanted as materialized (
    select cast(string_agg('(' || array_to_string(array(
               select '''' || replace(replace(w, '\', '\\'), '''', '''''') || '''' from unnest(t.words) as w),
               ' | ') || ')', ' & ') as tsquery) as query
    from typed t
    having bool_and(cardinality(t.words) > 0)
),
-- Materialized so the planner costs it without the LIMIT below (with it, it would rather read the
-- table in order hoping to meet enough matches soon); it is still read lazily, only as far as needed.
named as materialized (
    select c.id, c.document_number, c.search_name, c.email
    from customers c
    where cast(?4 as text) is not null and c.tenant_id = ?1 and c.merged_into_id is null and c.deleted_at is null
      and array_to_tsvector(array_remove(string_to_array(c.search_name, ' '), '')) @@ (select query from wanted)
),
found as (
    select distinct on (u.id) u.*
    from ((select 0 as kind, c.id, c.document_number, c.search_name, c.email
           from customers c
           where cast(?2 as text) is not null and c.tenant_id = ?1 and c.merged_into_id is null
             and c.deleted_at is null and c.document_number = cast(?2 as text))
          union all
          (select 1, c.id, c.document_number, c.search_name, c.email
           from customers c
           where cast(?3 as text) is not null and c.tenant_id = ?1 and c.merged_into_id is null
             and c.deleted_at is null and c.document_number like cast(?3 as text)
           limit 500)
          union all
          (select 2, c.id, c.document_number, c.search_name, c.email
           from customers c
           where cast(?7 as text) is not null and c.tenant_id = ?1 and c.merged_into_id is null
             and c.deleted_at is null and c.email like cast(?7 as text)
           limit 500)
          union all
          (select 3, n.* from named n limit 500)
          union all
          (select 4, c.id, c.document_number, c.search_name, c.email
           from customers c
           where cast(?6 as text) is not null and c.tenant_id = ?1 and c.merged_into_id is null
             and c.deleted_at is null and c.phone like cast(?6 as text)
           limit 500)) u
    order by u.id, u.kind
),
kept as (
    select * from found order by kind limit 500
)
-- Ranked: the document itself, its beginning, the e-mail (the shortest is the closest to what was
-- typed), then the most similar name.
select k.id, count(*) over () as total
from kept k
order by k.kind,
         case when k.kind = 2 then length(k.email) end,
         similarity(cast(?5 as text), k.search_name) desc nulls last,
         k.document_number,
         k.id
limit ?8 offset ?9
