-- Unresolved reports (issue 12): a document that is a report but whose agency, region or year cannot be resolved is
-- kept, with all its figures, sources and findings, instead of being refused. It becomes an ordinary revision when
-- its identity is given (PUT /api/reports/{id}/identity, or the same bytes posted again with hints), without
-- parsing again. See ARCHITECTURE.md ("Storage").
--
-- Why a status on the same table rather than a table of its own: the figures, sources and checks of an unresolved
-- report are written by the same code into the same tables, and resolution is one UPDATE of the report row (plus a
-- move of its figures when the year changes), never a copy of ~150 figures between tables.
--
-- Why it can never count: an unresolved report is never `is_latest` (checked below), and every aggregate — queries,
-- roll-ups, views, exports, rankings, drill-down, anomalies, coverage of the engine — already reads latest
-- revisions only. Nothing downstream has to learn a new predicate, and a reader that forgets `status` still cannot
-- count one. Only the report list and the coverage view, which show unresolved reports on purpose, read `status`.
--
-- Shape of an unresolved row:
--   agency_id     null: an agency is a name within a region, and the region is what is missing (or the name is);
--   agency_name   the name the document gave, if any (kept after resolution as what the document said);
--   year          the year the document gave when it is within bounds, else 0 ("unknown"). figure rows carry their
--                 report's year, and 0 lands in the catch-all partition figure_earlier (minvalue .. 2008), so no
--                 partition is added and the year partitions hold resolved figures only; on resolution the rows
--                 move to their year's partition (an UPDATE of the partition key moves them);
--   revision      0: it is no revision of anything yet; on resolution it becomes n+1 of its agency-year;
--   region_code, province_code, city_code
--                 the narrowest region that contains every region the document offered (the parsed region code and
--                 the candidates' regions), null when it offered none or they share no province: this is what the
--                 region filters of the report list and of the coverage view match, so an unresolved report is
--                 shown within a region only when the document itself places it there;
--   sector        null (it follows from the agency);
--   identity_missing  which of agency, regionCode, year could not be resolved;
--   candidates    the parser's identity candidates (IdentityEvidence.candidates) as JSON.

alter table report add column status text not null default 'resolved'
    constraint report_status check (status in ('resolved', 'unresolved'));
alter table report alter column agency_id drop not null;
alter table report alter column region_code drop not null;
alter table report alter column province_code drop not null;
alter table report alter column sector drop not null;
alter table report add column agency_name text;
alter table report add column identity_missing text[] not null default '{}';
alter table report add column candidates jsonb;
alter table report add column resolved_at timestamptz;
alter table report add constraint report_identity check (
    (status = 'resolved' and agency_id is not null and region_code is not null and province_code is not null
        and sector is not null and revision >= 1)
    or (status = 'unresolved' and agency_id is null and not is_latest and revision = 0));

-- The unresolved list and the coverage view's unresolved count read this small index only.
create index report_unresolved on report (year, province_code) include (city_code, region_code)
    where status = 'unresolved';

-- The engine caches coverage counts by data version. New reports change max(report.id); a resolution changes no id,
-- so it bumps this counter in its transaction (the row lock also orders concurrent resolutions).
create table report_version (
    singleton   boolean primary key default true check (singleton),
    resolutions bigint  not null
);
insert into report_version (resolutions) values (0);
