-- A PDF whose streams decode past congvan.pdf.max-decoded-size is not validated: its verdict says so.
alter table signature_validation drop constraint signature_validation_verdict_check;
alter table signature_validation add constraint signature_validation_verdict_check
    check (verdict in ('UNSIGNED', 'ALL_VALID', 'SOME_INVALID', 'INDETERMINATE', 'TOO_LARGE'));
