-- A finished upload's pieces are joined into its package: the rows stay (offset and size, how the
-- upload came), their contents are let go (sha256 emptied, so that the sweep removes them). Kept, they
-- doubled the hub's disk for every large package. Expand only: older nodes never read a joined upload's pieces.
alter table hub_upload_chunk alter column sha256 drop not null;
