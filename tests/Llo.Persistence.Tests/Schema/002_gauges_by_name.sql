CREATE INDEX gauges_by_name ON gauges (lower(name));
