-- The incoming document a draft answers (văn bản trả lời): once the draft is issued, the document it
-- became is the reply recorded on that incoming document's handling.
create table draft_reply_to (
    draft_id             uuid primary key references draft (id) on delete cascade,
    incoming_document_id uuid not null
);
