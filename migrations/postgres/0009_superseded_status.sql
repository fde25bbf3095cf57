-- A status for amendments whose whole text was replaced: the 1995
-- Constitution, with every 2022 amendment, ceased on 1 July 2026.
alter table status_events drop constraint status_events_status_check;
alter table status_events add constraint status_events_status_check check (status in (
    'drafted', 'submitted', 'council_compliant', 'council_noncompliant', 'withdrawn',
    'on_ballot', 'adopted', 'rejected', 'in_force', 'amended_later', 'superseded'));
