-- docs/SCALING.md as SQL: distributes a database migrated by sql/V1..V14 over a Citus cluster, by province.
-- Run on the coordinator, once, on an empty database (TestDatabase does, for the Citus test profile). Never run by
-- the default build: Citus is not installable on this project's machines, so this has not been run here.
create extension if not exists citus;

-- Reference tables: a copy on every node.
select create_reference_table('region');
select create_reference_table('metric');

-- Foreign keys between tables that will not be co-located go (report → document, aliases → document).
alter table report drop constraint if exists report_document_id_fkey;
alter table agency_alias drop constraint if exists agency_alias_first_seen_document_id_fkey;
alter table report drop constraint if exists report_agency_id_fkey;
alter table agency_alias drop constraint if exists agency_alias_agency_id_fkey;
alter table figure_source drop constraint if exists figure_source_report_id_fkey;
alter table report_check drop constraint if exists report_check_report_id_fkey;
alter table bulk_job_line drop constraint if exists bulk_job_line_job_id_fkey;

-- The distribution column where it is missing, and keys that include it.
alter table agency add column if not exists province_code char(6);
update agency a set province_code = coalesce(g.province_code, '000000') from region g where g.code = a.region_code;
alter table agency alter column province_code set not null;
alter table agency drop constraint agency_pkey cascade;
alter table agency add primary key (province_code, id);
alter table agency drop constraint if exists agency_name_region_code_key;
alter table agency add unique (province_code, name, region_code);

alter table agency_alias add column if not exists province_code char(6) not null default '000000';
alter table agency_alias drop constraint agency_alias_pkey;
alter table agency_alias add primary key (province_code, agency_id, alias);

-- unresolved reports without a region sit in the placeholder province 000000
update report set province_code = '000000' where province_code is null;
alter table report alter column province_code set not null;
alter table report drop constraint report_pkey cascade;
alter table report add primary key (province_code, id);
alter table report drop constraint if exists report_agency_id_year_revision_key;
alter table report add unique (province_code, agency_id, year, revision);
drop index if exists report_latest_per_agency_year;
create unique index report_latest_per_agency_year on report (province_code, agency_id, year) where is_latest;

alter table figure add column if not exists province_code char(6) not null default '000000';
alter table figure drop constraint figure_pkey;
alter table figure add primary key (province_code, report_id, metric_id, year);

alter table figure_source add column if not exists province_code char(6) not null default '000000';
alter table figure_source drop constraint figure_source_pkey;
alter table figure_source add primary key (province_code, report_id, metric_id);

alter table report_check add column if not exists province_code char(6) not null default '000000';
alter table report_check drop constraint report_check_pkey;
alter table report_check add primary key (province_code, report_id, ordinal);

-- roll-ups: no nation rows (the engine sums the provinces'), every row in its province's shard
delete from rollup where province is null;
alter table rollup alter column province set not null;
alter table rollup drop constraint rollup_pkey;
alter table rollup add primary key (province, scope, direct, year, metric_id);

-- the data version: one row per province, bumped in the write's own shard
drop table data_version;
create table data_version (province_code char(6) primary key, changes bigint not null);
insert into data_version select code, 0 from region where level = 1 union all select '000000', 0;

-- documents by their bytes' hash; the idempotency key's uniqueness moves to a table of its own
alter table document drop constraint document_pkey cascade;
alter table document add primary key (sha256);
alter table document drop constraint if exists document_idempotency_key_key;
create table document_key (idempotency_key text primary key, sha256 bytea not null);

-- Distributed, co-located by province.
select create_distributed_table('agency', 'province_code');
select create_distributed_table('report', 'province_code', colocate_with => 'agency');
select create_distributed_table('figure', 'province_code', colocate_with => 'agency');
select create_distributed_table('figure_source', 'province_code', colocate_with => 'agency');
select create_distributed_table('report_check', 'province_code', colocate_with => 'agency');
select create_distributed_table('agency_alias', 'province_code', colocate_with => 'agency');
select create_distributed_table('rollup', 'province', colocate_with => 'agency');
select create_distributed_table('data_version', 'province_code', colocate_with => 'agency');
select create_distributed_table('document', 'sha256');
select create_distributed_table('document_key', 'idempotency_key');
select create_distributed_table('bulk_job', 'id');
select create_distributed_table('bulk_job_line', 'job_id', colocate_with => 'bulk_job');

-- Small CRUD tables stay on the coordinator, known to Citus so that they can be joined with reference tables.
select citus_add_local_table_to_metadata('api_token');
select citus_add_local_table_to_metadata('audit_entry');
select citus_add_local_table_to_metadata('export_schedule');
select citus_add_local_table_to_metadata('export_run');
