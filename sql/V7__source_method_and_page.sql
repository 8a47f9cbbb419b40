-- How each parsed figure was obtained (label, loose-label, arithmetic-split, annex-row, prose-pattern, ocr, …; see
-- canonical.SourceMethod) and the page of a paged document (PDF) it was printed on. Both null for submitted figures.
alter table figure_source add column method text;
alter table figure_source add column page integer;
