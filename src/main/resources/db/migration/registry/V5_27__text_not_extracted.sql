-- A main PDF registered without its text for search (its streams decode past congvan.pdf.max-decoded-size,
-- or its text took longer than congvan.pdf.max-text-time to read): the document page says so.
alter table document_file add column text_not_extracted boolean not null default false;
