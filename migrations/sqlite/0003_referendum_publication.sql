-- A referendum created in the admin is prepared unpublished; the public site
-- shows the most recently proposed published one.
alter table referendums add column published integer not null default 1 check (published in (0, 1));
create index referendums_published on referendums (published, proposed_on);
