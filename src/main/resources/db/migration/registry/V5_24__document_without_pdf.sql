-- An incoming document registered from an electronic arrival that held no PDF (an older vendor's
-- zipped Word file): its files are kept as they came, all attachments, and it is marked so that
-- nobody takes it for a verified electronic original. Every other document has its main PDF.
alter table document add column no_signed_pdf boolean not null default false;
alter table document add constraint document_no_signed_pdf_incoming
    check (not no_signed_pdf or direction = 'INCOMING');
