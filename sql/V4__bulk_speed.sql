-- Load speed at national scale (1M reports × ~150 figures), measured with `gongkai bench`.

-- The hot tables lose their per-row foreign-key checks: every figure, source and check row is written by
-- ReportStore or BulkWriter in the same transaction as its report, with metric ids from MetricIds, so the checks
-- cost ~150 index probes per report and guard nothing. Reports keep their agency and document references.
alter table figure drop constraint figure_report_id_fkey;
alter table figure drop constraint figure_metric_id_fkey;
alter table figure_source drop constraint figure_source_report_id_fkey;
alter table figure_source drop constraint figure_source_metric_id_fkey;
alter table report_check drop constraint report_check_report_id_fkey;

-- Roll-up rows carry their scope's level, so "every province" or "every city" is an index range per metric.
alter table rollup add column level smallint;
update rollup u set level = g.level from region g where g.code = u.scope;
alter table rollup alter column level set not null;
create index rollup_by_metric_level on rollup (metric_id, level, direct, year, scope)
    include (value, reports, at_least, approx);
