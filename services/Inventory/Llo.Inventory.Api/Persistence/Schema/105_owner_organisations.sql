-- The organisation that owns a project or agenda item (the org claim of whoever registered it): only callers acting
-- for it change the row. NULL means programme-owned: rows from before owners existed and the seeded plan content,
-- changed only by programme staff (programme-manager, project-leader).
ALTER TABLE projects ADD COLUMN owner_organisation uuid;
ALTER TABLE agenda_items ADD COLUMN owner_organisation uuid;
