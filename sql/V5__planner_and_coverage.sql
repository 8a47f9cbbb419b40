-- Ad-hoc queries read few metrics of many reports through figure's primary key (report_id, metric_id). With the
-- default random_page_cost of 4 (spinning disks) the planner prefers a sequential scan of all ~150M figures
-- (7.5 s at 1M reports) over ~150k index probes (1.0 s); on SSDs the probes are the cheap path.
do $$
begin
    execute format('alter database %I set random_page_cost = 1.1', current_database());
exception when insufficient_privilege then
    raise notice 'random_page_cost left as it is: the migrating role does not own the database';
end
$$;

-- Coverage counts agencies of the latest reports by province and year; with agency_id in the index it is an
-- index-only scan.
drop index report_latest_by_region;
create index report_latest_by_region on report (province_code, year)
    include (city_code, region_code, agency_id, sector) where is_latest;
