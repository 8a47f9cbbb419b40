-- 东莞市, 中山市 and 儋州市 have no counties, and the shipped areas list names each again as its own area: the region
-- table kept them as level-3 entries that are their own city (RegionDirectory now keeps them as cities, level 2). The
-- path that subtracts a superseded revision then made "seated here" rows for their agencies, and could create their
-- city row at level 3, while the writers' in-memory sums made neither. One rule (storage/RollupScope) now names the
-- rows: the city row at level 2 and, as for any city, a "seated here" row, rebuilt here from the latest figures.
delete from rollup u using region g where u.direct and u.scope = g.code and g.level = 3;
update rollup u set level = 2 from region g
where not u.direct and u.scope = g.code and g.level = 3 and g.code = g.city_code;

insert into rollup (scope, direct, level, province, city, year, metric_id, value, reports, at_least, approx)
select r.region_code, true, 2, r.province_code, r.city_code, r.year, f.metric_id, sum(f.value), count(*),
       count(*) filter (where f.bound = 1), count(*) filter (where f.bound = 2)
from report r
join region g on g.code = r.region_code and g.level = 3 and g.code = g.city_code
join figure f on f.report_id = r.id and f.year = r.year
where r.is_latest
group by r.region_code, r.province_code, r.city_code, r.year, f.metric_id
union all
select r.region_code, true, 2, r.province_code, r.city_code, r.year, 0, count(*), count(*), 0, 0
from report r
join region g on g.code = r.region_code and g.level = 3 and g.code = g.city_code
where r.is_latest
group by r.region_code, r.province_code, r.city_code, r.year;

update region set level = 2 where level = 3 and code = city_code;
