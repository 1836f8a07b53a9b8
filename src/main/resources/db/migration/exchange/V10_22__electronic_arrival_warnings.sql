-- What the clerk is warned of about an arrival, kept with it: no signed PDF among its files, a file its
-- manifest names that is absent, a package addressed to another organ. One "key|argument" a line.
alter table electronic_arrival add column warnings varchar(4000) not null default '';
