-- Trigram similarity of titles finds look-alike projects the stemmer misses ("KI-matching" / "KI matching pilot").
-- pg_trgm ships with PostgreSQL's contrib and is a trusted extension (a database owner may create it).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX projects_title_trgm ON projects USING gin (title gin_trgm_ops);
