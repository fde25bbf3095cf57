-- A status for amendments whose whole text was replaced: the 1995
-- Constitution, with every 2022 amendment, ceased on 1 July 2026. SQLite
-- cannot change a check constraint in place, so the table is rebuilt with
-- the same rows, ids, indexes and search trigger.
create table status_events_next (
    id integer primary key,
    amendment_id integer not null references amendments(id),
    status text not null check (status in (
        'drafted', 'submitted', 'council_compliant', 'council_noncompliant', 'withdrawn',
        'on_ballot', 'adopted', 'rejected', 'in_force', 'amended_later', 'superseded')),
    effective_date text not null,
    note text not null,
    source_url text check (source_url is null or source_url like 'http://%' or source_url like 'https://%'),
    source_title text,
    recorded_at text not null,
    recorded_by text not null,
    corrects_event_id integer references status_events(id),
    seed_key text constraint status_events_seed_key unique,
    check (source_url is not null or source_title is not null)
);
insert into status_events_next
    select id, amendment_id, status, effective_date, note, source_url, source_title,
           recorded_at, recorded_by, corrects_event_id, seed_key
    from status_events;
drop table status_events;
alter table status_events_next rename to status_events;
create index status_events_by_amendment on status_events (amendment_id, effective_date, id);
create index status_events_by_date on status_events (effective_date, id);
create index status_events_corrections on status_events (corrects_event_id) where corrects_event_id is not null;
create trigger status_events_search_insert after insert on status_events begin
    insert into search_index (kind, ref, lang, field, title, body) values ('status_event', new.id, 'en', 'all', '', new.note);
end;
