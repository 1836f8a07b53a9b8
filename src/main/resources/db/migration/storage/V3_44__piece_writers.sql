-- Which PATCH wrote the pieces of an upload held in pieces, from which piece on: "0:<hold>;12:<hold>".
-- A piece is read only under the name of the PATCH that counted it, so that a PATCH whose hold ran
-- out and was taken by another (on another node) writes only pieces nobody reads. Null: the pieces
-- of an upload begun before this column, under their number alone.
alter table file_upload add column piece_writers text;
