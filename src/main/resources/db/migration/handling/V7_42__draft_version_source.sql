-- A version written in Word (.docx) or OpenDocument (.odt): the file the drafter edits, kept beside
-- the PDF CongVan rendered of it (the PDF is what is approved and signed). Empty for a PDF upload.
alter table draft_version
    add column source_sha256    char(64),
    add column source_file_name varchar(255),
    add column source_size      bigint;
