-- The time a signature's time-stamp vouches for, kept with the verdict (null: not time-stamped).
alter table signature_validation_check add column timestamp_time timestamptz;
