-- Translations of content fields, each marked official or not, and a
-- full-text index over all content in every stored language. Triggers keep
-- the index current in the same transaction as every change.

create table translations (
    id integer primary key,
    entity_type text not null check (entity_type in ('amendment', 'statement', 'timeline_event')),
    entity_id integer not null,
    field text not null check (field in ('title', 'summary', 'explanation', 'text', 'description')),
    lang text not null check (lang in ('kk', 'ru', 'en')),
    text text not null,
    official integer not null check (official in (0, 1)),
    source_url text check (source_url is null or source_url like 'http://%' or source_url like 'https://%'),
    version integer not null default 1,
    updated_at text not null,
    constraint translations_field_key unique (entity_type, entity_id, field, lang),
    check (official = 0 or source_url is not null)
);
create index translations_by_entity on translations (entity_type, entity_id, lang);

-- unicode61 folds case across scripts, Kazakh Cyrillic included.
create virtual table search_index using fts5(
    kind unindexed, ref unindexed, lang unindexed, field unindexed, title, body,
    tokenize = 'unicode61 remove_diacritics 2'
);

create trigger amendments_search_insert after insert on amendments begin
    insert into search_index (kind, ref, lang, field, title, body) values ('amendment', new.id, 'en', 'all', new.title,
        new.summary || ' ' || new.explanation || ' ' || coalesce(new.wording_before, '') || ' ' || coalesce(new.wording_after, ''));
end;
create trigger amendments_search_update after update on amendments begin
    delete from search_index where kind = 'amendment' and ref = old.id and field = 'all';
    insert into search_index (kind, ref, lang, field, title, body) values ('amendment', new.id, 'en', 'all', new.title,
        new.summary || ' ' || new.explanation || ' ' || coalesce(new.wording_before, '') || ' ' || coalesce(new.wording_after, ''));
end;
create trigger amendments_search_delete after delete on amendments begin
    delete from search_index where kind = 'amendment' and ref = old.id;
end;

create trigger statements_search_insert after insert on statements begin
    insert into search_index (kind, ref, lang, field, title, body) values ('statement', new.id, 'en', 'all', '', new.text);
end;
create trigger statements_search_delete after delete on statements begin
    delete from search_index where kind = 'statement' and ref = old.id;
end;

create trigger timeline_search_insert after insert on timeline_events begin
    insert into search_index (kind, ref, lang, field, title, body) values ('timeline_event', new.id, 'en', 'all', new.title, new.description);
end;
create trigger timeline_search_update after update on timeline_events begin
    delete from search_index where kind = 'timeline_event' and ref = old.id and field = 'all';
    insert into search_index (kind, ref, lang, field, title, body) values ('timeline_event', new.id, 'en', 'all', new.title, new.description);
end;
create trigger timeline_search_delete after delete on timeline_events begin
    delete from search_index where kind = 'timeline_event' and ref = old.id;
end;

create trigger translations_search_insert after insert on translations begin
    insert into search_index (kind, ref, lang, field, title, body)
        values (new.entity_type, new.entity_id, new.lang, new.field, '', new.text);
end;
create trigger translations_search_update after update on translations begin
    delete from search_index where kind = old.entity_type and ref = old.entity_id and lang = old.lang and field = old.field;
    insert into search_index (kind, ref, lang, field, title, body)
        values (new.entity_type, new.entity_id, new.lang, new.field, '', new.text);
end;
create trigger translations_search_delete after delete on translations begin
    delete from search_index where kind = old.entity_type and ref = old.entity_id and lang = old.lang and field = old.field;
end;

-- Index what is already stored.
insert into search_index (kind, ref, lang, field, title, body)
    select 'amendment', id, 'en', 'all', title,
        summary || ' ' || explanation || ' ' || coalesce(wording_before, '') || ' ' || coalesce(wording_after, '') from amendments;
insert into search_index (kind, ref, lang, field, title, body) select 'statement', id, 'en', 'all', '', text from statements;
insert into search_index (kind, ref, lang, field, title, body) select 'timeline_event', id, 'en', 'all', title, description from timeline_events;
