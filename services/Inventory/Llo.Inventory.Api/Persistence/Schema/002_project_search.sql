-- Dutch full-text search: a stored generated tsvector with weights A (title), B (summary, sectors, target groups),
-- C (description, results, lessons learned) and D (partner organisations), and a GIN index on it.
-- Generated columns need immutable expressions; array_to_string and jsonb iteration are not marked so,
-- hence these two small wrappers (their results only depend on their arguments).
CREATE FUNCTION llo_join_words(words text[]) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN coalesce(array_to_string(words, ' '), '');

CREATE FUNCTION llo_partner_names(partners jsonb) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN coalesce((SELECT string_agg(p ->> 'organisation', ' ') FROM jsonb_array_elements(partners) AS p), '');

ALTER TABLE projects ADD COLUMN search tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('dutch'::regconfig, title), 'A') ||
    setweight(to_tsvector('dutch'::regconfig, summary || ' ' || llo_join_words(sectors) || ' ' || llo_join_words(target_groups)), 'B') ||
    setweight(to_tsvector('dutch'::regconfig, description || ' ' || results || ' ' || lessons_learned), 'C') ||
    setweight(to_tsvector('dutch'::regconfig, llo_partner_names(partners)), 'D')
) STORED;

CREATE INDEX projects_search ON projects USING gin (search);
CREATE INDEX projects_focus_lines ON projects USING gin (focus_lines);
CREATE INDEX projects_sectors ON projects USING gin (sectors);
CREATE INDEX projects_municipalities ON projects USING gin (municipalities);
CREATE INDEX projects_updated ON projects (updated_at DESC, id) WHERE NOT archived;
