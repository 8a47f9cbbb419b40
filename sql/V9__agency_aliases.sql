-- Identity as real pages give it (issue 12, part 2). See ARCHITECTURE.md ("Storage").
--
-- agency_alias: the names an agency's reports were filed under when they differ from the one canonical name it is
-- stored under (agency.name). The canonical name is the name with its department written out
-- (regions/department-aliases.csv: 人社局 → 人力资源和社会保障局, 管委会 → 管理委员会), so the same body written two
-- ways is one agency row, found or created by (name, region_code) as before; what the page printed is kept here.
-- An abbreviation completed with the region the page names elsewhere is stored completed (a title's 县人社局 on a
-- page of 平潭县 is 平潭县人社局): a bare 县人社局 would fit every county, and the completed form is also what a search
-- for the bare abbreviation finds (LIKE '%县人社局%').
--
-- Why a table of (agency, alias) rather than an array column on agency: aliases come one document at a time, in the
-- document's transaction, from single submissions that upsert the agency concurrently; an insert ... on conflict do
-- nothing on its own primary key never rewrites (or locks) the agency row, which the bulk writer upserts in batches.
-- Why not a table keyed by alias alone: the same spelling can name different bodies in different regions
-- (市中区审计局); an alias belongs to an agency, which is a name within a region.
--
-- Written by the single-report paths (POST /api/reports, POST /api/documents, the resolution of an unresolved
-- report) in the report's transaction; the bulk path (COPY batches) records none: bulk lines are structured
-- submissions whose name is canonicalised the same way, and a per-line alias insert would cost the batch.
--   first_seen_document_id  the document whose report first used the alias (null for a JSON submission);
--   first_seen_at           when it was first recorded.
-- The report list's agency filter (a LIKE '%…%', as on agency.name) reads this small table once per request, as a
-- hashed subplan, never once per report; the query engine's agency filter stays on agency.name (see README).
create table agency_alias (
    agency_id              bigint      not null references agency (id),
    alias                  text        not null,
    first_seen_document_id bigint      references document (id),
    first_seen_at          timestamptz not null default now(),
    primary key (agency_id, alias)
);

-- How the parser decided who wrote a document and which year it covers (IdentityEvidence without its list of what
-- is missing, which the caller's hints may complete): {agencySource, printedAgency, yearSource, candidates}. Kept for
-- every document, resolved or not (an unresolved report also keeps its candidates on its row); null for documents
-- received before this migration.
alter table document add column identity jsonb;
