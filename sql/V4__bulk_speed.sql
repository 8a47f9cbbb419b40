-- Load speed at national scale (1M reports × ~150 figures), measured with `gongkai bench`.

-- The hot tables lose their per-row foreign-key checks: every figure, source and check row is written by
-- ReportStore or BulkWriter in the same transaction as its report, with metric ids from MetricIds, so the checks
-- cost ~150 index probes per report and guard nothing. Reports keep their agency and document references.
alter table figure drop constraint figure_report_id_fkey;
alter table figure drop constraint figure_metric_id_fkey;
alter table figure_source drop constraint figure_source_report_id_fkey;
alter table figure_source drop constraint figure_source_metric_id_fkey;
alter table report_check drop constraint report_check_report_id_fkey;

-- Roll-ups stop at cities: a county holds a handful of reports, which the raw figures answer as fast, and dropping
-- county scopes takes a quarter of the roll-up writes off every load. Rows carry their scope's level, province and
-- city, so "every city of a province" is one index range per metric.
delete from rollup u using region g where g.code = u.scope and g.level = 3;
alter table rollup add column level smallint, add column province char(6), add column city char(6);
update rollup u set level = g.level, province = nullif(g.province_code, '000000'),
                    city = case when g.level >= 2 then g.city_code end
from region g where g.code = u.scope;
alter table rollup alter column level set not null;
create index rollup_by_metric_level on rollup (metric_id, level, province, direct, year)
    include (scope, city, value, reports, at_least, approx);

-- Check results: a row for every finding of the producer (the parser's prose sub-counts, …) and every failed
-- cross-check; passed cross-checks are a pure function of the stored figures and are recomputed when read.
alter table report_check add column finding boolean not null default false;
update report_check set finding = true where rule not in ('requests.balance', 'outcome.total', 'requests.row_total',
    'review.total', 'litigation.direct.total', 'litigation.after_review.total');
delete from report_check where passed and rule in ('requests.balance', 'outcome.total', 'requests.row_total',
    'review.total', 'litigation.direct.total', 'litigation.after_review.total');
