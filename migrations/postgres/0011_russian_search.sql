-- The official texts are Russian: on PostgreSQL they are matched with
-- Russian stemming as well ("казнью" finds "казнь"), beside the 'simple'
-- configuration every row keeps.
alter table search_index add column document_ru tsvector
    generated always as (case when lang = 'ru' then to_tsvector('russian', title || ' ' || body) end) stored;
create index search_index_document_ru on search_index using gin (document_ru);
