-- One page of customers matching what was typed, best first, with the number of matches.
-- Read by CustomerSearch and by the benchmark (integration-tests .../bench/CustomerSearchBenchmark),
-- so both measure the same statement. Parameters (null switches a branch off):
--  ?1 tenant  ?2 document exact  ?3 document prefix pattern  ?4 words in order  ?5 words reversed
--  ?6 folded text (similarity)  ?7 phone digits pattern  ?8 e-mail prefix pattern  ?9 limit  ?10 offset
select c.id, count(*) over () as total
from customers c
where c.tenant_id = ?1
  and c.merged_into_id is null
  and c.deleted_at is null
  and (c.document_number like cast(?3 as text)
       or c.search_name like cast(?4 as text)
       or c.search_name like cast(?5 as text)
       or cast(?6 as text) <% c.search_name
       or c.phone like cast(?7 as text)
       or c.email like cast(?8 as text))
order by (c.document_number = cast(?2 as text)) desc,
         (c.document_number like cast(?3 as text)) desc,
         word_similarity(cast(?6 as text), c.search_name) desc,
         similarity(cast(?6 as text), c.search_name) desc,
         c.id
limit ?9 offset ?10
