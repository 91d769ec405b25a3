-- Optimistic concurrency for agenda items, as for projects: an update names the version it read.
ALTER TABLE agenda_items ADD COLUMN version bigint NOT NULL DEFAULT 1;
