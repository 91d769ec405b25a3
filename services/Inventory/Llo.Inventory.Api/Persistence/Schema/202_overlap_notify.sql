-- The overlap check's in-memory index listens on this channel instead of asking before every check what changed:
-- every statement that changes projects notifies it (at commit, once per transaction).
CREATE FUNCTION overlap_projects_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('overlap_projects', '');
    RETURN NULL;
END
$$;

CREATE TRIGGER projects_notify_overlap_index
    AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON projects
    FOR EACH STATEMENT EXECUTE FUNCTION overlap_projects_changed();
