-- The review queue's OCR item (storage/ReviewItems.derive) looks up a batch's figures read by OCR. Without an index
-- on the method it scanned the whole of figure_source for every batch (EXPLAIN at 1M: 178 ms of a 2,500-line bulk
-- batch, growing with the table); few figures are read by OCR, so the partial index stays small.
create index figure_source_by_ocr on figure_source (report_id) where method in ('ocr', 'ocr-correction');
