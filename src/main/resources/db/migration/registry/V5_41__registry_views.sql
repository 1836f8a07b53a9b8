-- What the registry publishes for the other modules to read (ADR 0016): they read these views, never
-- the registry's tables, and ask yes-or-no questions instead of spelling the registry's states.
create view registry_document_facts as
select d.id, d.unit_id,
       d.direction = 'OUTGOING'   as is_outgoing,
       d.direction = 'INCOMING'   as is_incoming,
       d.status = 'ISSUED'        as is_issued,
       d.status = 'REGISTERED'    as is_registered,
       d.status = 'REVOKED'       as is_revoked,
       d.confidentiality <> 0     as is_confidential,
       d.priority > 0             as is_urgent,
       d.paper                    as is_paper,
       d.priority, d.register_year, d.number, d.arrival_number, d.arrival_date, d.issued_date, d.due_date,
       d.type_name, d.code_number, d.code_notation, d.organ_name, d.subject, d.edxml_document_id,
       -- The current content of the main file (the first one, should there be several).
       (select f.sha256 from document_file f where f.document_id = d.id and f.role = 'MAIN'
        order by f.position limit 1) as main_sha256
from document d;

-- Every main file of a document with its current content: a content may be shared by copies.
create view registry_main_files as
select document_id, sha256 from document_file where role = 'MAIN';

-- Who was granted the reading of a confidential document.
create view registry_granted_readers as
select document_id, person_id from document_grant;

create view registry_dossier_facts as
select x.id, x.unit_id, x.file_code, x.title,
       x.state = 'OPEN'   as is_open,
       x.state = 'CLOSED' as is_closed,
       x.closed_at,
       exists (select 1 from dossier_document dd where dd.dossier_id = x.id) as holds_documents,
       exists (select 1 from dossier_document dd join document d on d.id = dd.document_id
               where dd.dossier_id = x.id and d.paper) as holds_paper_documents
from dossier x;
