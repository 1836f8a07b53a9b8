-- A draft's recipient outside the installation, reached through the exchange axis by its organ code.
alter table draft_recipient add column organ_id varchar(35);
