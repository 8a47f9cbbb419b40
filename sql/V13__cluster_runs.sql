-- Several service instances against one database (issue 17): a scheduled run is claimed by exactly one of them, and
-- an instance that dies mid-run leaves a lease that lapses, so another takes the same run over.
--
-- fire_time   the cron's (or a catch-up's) due time of the run; null for a manual run. Every instance's scheduler
--             fires the cron; the first to insert (schedule, fire time, attempt 1) runs it, the others find the row.
-- owner       the instance running it (gongkai.cluster.instance-id)
-- lease_until the owner renews it every third of gongkai.exports.schedules.lease while it runs; a running row whose
--             lease has lapsed is taken over (owner replaced, takeovers + 1) by the first instance to notice
-- takeovers   how often the run changed hands; the row stays one record of one run
alter table export_run
    add column fire_time   timestamptz,
    add column owner       text,
    add column lease_until timestamptz,
    add column takeovers   smallint not null default 0;

create unique index export_run_once on export_run (schedule_id, fire_time, attempt) where fire_time is not null;
create index export_run_leases on export_run (lease_until) where status = 'running';
