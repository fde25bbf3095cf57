-- Status changes are searchable by their notes, from the moment they are recorded.
create trigger status_events_search_insert after insert on status_events begin
    insert into search_index (kind, ref, lang, field, title, body) values ('status_event', new.id, 'en', 'all', '', new.note);
end;
insert into search_index (kind, ref, lang, field, title, body) select 'status_event', id, 'en', 'all', '', note from status_events;
