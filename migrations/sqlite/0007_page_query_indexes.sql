-- Found by the query-plan test: the overview and announcement pages list a
-- referendum's announcements, which read the whole table without this.
create index announcements_by_referendum on announcements (referendum_id, announced_on, id);
