-- A ranking sums every unit's edge days of its period (a custom period, a month not yet over):
-- without this index that read scanned the whole day table (units × days, 2 million rows after three
-- years of a 2,000-unit province).
create index statistics_unit_day_day on statistics_unit_day (day);
