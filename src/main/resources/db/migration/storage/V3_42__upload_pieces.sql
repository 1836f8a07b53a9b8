-- An upload's bytes may be held in pieces of a fixed size (in the bucket, where every node finds
-- them): the size is chosen when the upload opens and kept with it. 0: one growing file on the disk
-- of the node that received it.
alter table file_upload add column piece_size bigint not null default 0 check (piece_size >= 0);
