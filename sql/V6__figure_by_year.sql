-- Figures partitioned by the year of their report.
--
-- Most questions name years ("this year", "the last two years"). When no roll-up answers them (agency-level exports,
-- rankings, ad hoc filters), they read the raw figures, and at 1M reports × ~150 figures a sequential scan of the
-- whole table takes ~6 s. Split by year, a two-year question reads two partitions (~1/6 of the rows); questions
-- over every year read the same pages as before.
--
-- figure gains `year` (always its report's year; written by ReportStore and BulkWriter with the report), and the
-- primary key includes it, as PostgreSQL requires of a partition key. One partition a year from 2008 (the first
-- year a report can cover) to 2035; later years land in figure_later until a migration adds their partitions.

alter table figure rename to figure_unpartitioned;
alter table figure_unpartitioned rename constraint figure_pkey to figure_unpartitioned_pkey;

create table figure (
    report_id bigint   not null,
    metric_id smallint not null,
    value     numeric  not null,
    bound     smallint not null default 0,
    year      smallint not null,
    primary key (report_id, metric_id, year)
) partition by range (year);

do $$
begin
    for y in 2008..2035 loop
        execute format('create table figure_%s partition of figure for values from (%s) to (%s)', y, y, y + 1);
    end loop;
end
$$;
create table figure_earlier partition of figure for values from (minvalue) to (2008);
create table figure_later partition of figure for values from (2036) to (maxvalue);

insert into figure (report_id, metric_id, value, bound, year)
select f.report_id, f.metric_id, f.value, f.bound, r.year
from figure_unpartitioned f join report r on r.id = f.report_id;

drop table figure_unpartitioned;
analyze figure;
