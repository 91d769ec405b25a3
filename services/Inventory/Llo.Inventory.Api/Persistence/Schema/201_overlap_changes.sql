-- The overlap check keeps its index of projects in memory and, before each check, reads the rows changed since the
-- last one (archived ones included, so they leave the index): an index on updated_at keeps that read small.
CREATE INDEX projects_changed ON projects (updated_at);
