-- Roll-up sums of bulk batches waiting to be folded into rollup: a batch appends its sums here (COPY, no lock on any
-- roll-up row) and BulkWriter.fold adds everything waiting to rollup in one grouped upsert every few batches, when a
-- bulk stream ends and when the service starts (what a crash left). Rows are additive: one roll-up row may appear many
-- times, and the fold sums them first.
create table rollup_pending (like rollup excluding all);
