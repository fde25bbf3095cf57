-- Status changes are searchable by their notes, from the moment they are recorded.
create function search_index_status_event() returns trigger language plpgsql as $$
begin
    insert into search_index (kind, ref, lang, field, title, body) values ('status_event', new.id, 'en', 'all', '', new.note);
    return null;
end $$;
create trigger status_events_search after insert on status_events
    for each row execute function search_index_status_event();
insert into search_index (kind, ref, lang, field, title, body) select 'status_event', id, 'en', 'all', '', note from status_events;
