-- The end of the audit chain, kept outside the chain and moved in the same
-- transaction as every record: deleting the newest records can then be
-- told from a chain that was never longer (`audit verify` compares the two).
create table audit_head (
    id integer primary key constraint audit_head_single check (id = 1),
    records bigint not null,
    hash text not null
);

insert into audit_head (id, records, hash)
select 1, (select count(*) from audit_log), (select hash from audit_log order by id desc limit 1)
where exists (select 1 from audit_log);
