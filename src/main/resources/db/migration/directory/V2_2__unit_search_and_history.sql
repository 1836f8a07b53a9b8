-- Units are found by name without diacritics ("xuong giang" finds "Phường Xương Giang"): the
-- column folds Vietnamese letters the way vn.congvan.shared.Diacritics does, with translate()
-- so that no extension (unaccent) is needed on an operator's PostgreSQL.
alter table unit add column search_text varchar(400) generated always as (
    lower(translate(name || ' ' || short_name,
        'àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴĐ',
        'aaaaaaaaaaaaaaaaaeeeeeeeeeeeiiiiiooooooooooooooooouuuuuuuuuuuyyyyydaaaaaaaaaaaaaaaaaeeeeeeeeeeeiiiiiooooooooooooooooouuuuuuuuuuuyyyyyd'))
) stored;

-- Successors are looked up from the units they replace.
create index unit_predecessor on unit (predecessor_id);

-- Several units merged into one on the same day each leave a row in the successor's history,
-- so the name joins the key.
alter table unit_history drop constraint unit_history_pkey;
alter table unit_history add primary key (unit_id, valid_from, name);
