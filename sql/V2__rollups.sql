-- Dashboard roll-ups: sums of the latest revisions' figures by region scope, year and metric, kept current in the
-- same transaction as every report write (see ARCHITECTURE.md, "Queries").

-- The nation as a scope of its own, so every roll-up row joins a region.
alter table region drop constraint region_level_check;
alter table region add constraint region_level_check check (level between 0 and 3);
insert into region (code, name, level, province_code, city_code) values ('000000', '全国', 0, '000000', null);

create table rollup (
    scope     char(6)  not null,   -- '000000', a province, city or county: every agency at or under it
    direct    boolean  not null,   -- true: only the agencies seated exactly at scope (province or city level)
    year      smallint not null,
    metric_id smallint not null,   -- 0 counts reports; otherwise metric.id
    value     numeric  not null,   -- sum of the figures
    reports   integer  not null,   -- how many reports gave a figure
    at_least  integer  not null,   -- how many of those figures are lower bounds
    approx    integer  not null,   -- how many are approximate
    primary key (scope, direct, year, metric_id)
);
