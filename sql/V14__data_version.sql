-- The data version (issue 17): answers are cached by it (queries/AnswerCache), so that a question asked again is
-- answered without the database until something it could read has changed, on every service instance alike.
-- Every write to reports, figures, roll-ups, agencies or regions adds one to a row of this table in its own
-- transaction (storage/DataVersion); a reader's version is the sum of the rows as its snapshot sees them, which grows
-- with every committed write and with nothing else. Sixty-four rows rather than one: a writer holds its row's lock
-- until it commits, and writers on different rows (the backend's pid picks it) do not wait for each other.
create table data_version (
    slot    smallint primary key check (slot between 0 and 63),
    changes bigint   not null
);
insert into data_version (slot, changes)
select s, case when s = 0 then (select resolutions from report_version) else 0 end
from generate_series(0, 63) s;

-- report_version counted identity resolutions for the coverage cache; every write now counts in data_version.
drop table report_version;
