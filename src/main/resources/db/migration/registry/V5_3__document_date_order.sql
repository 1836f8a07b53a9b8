-- Lists and searches read documents newest first by (issued_date, created_at): an index in that
-- order serves them without sorting the many documents of one day.
create index document_date_created on document (issued_date desc, created_at desc);
drop index document_date;
