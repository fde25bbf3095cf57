-- A referendum created in the admin is prepared unpublished; the public site
-- shows the most recently proposed published one.
alter table referendums add column published boolean not null default true;
create index referendums_published on referendums (published, proposed_on);
