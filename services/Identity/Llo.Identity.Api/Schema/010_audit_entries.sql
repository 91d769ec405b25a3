-- The audit log: one hash chain of entries that every service feeds (event audit.recorded). Each entry's hash is
-- SHA-256 over its canonical form and the previous entry's hash, so changing, removing or reordering a past entry
-- shows when the chain is recomputed. Entries hold ids only, never names or e-mail addresses.
CREATE TABLE audit_entries (
    sequence            bigint PRIMARY KEY,
    entry_id            uuid NOT NULL UNIQUE,
    occurred_at         timestamptz NOT NULL,
    recorded_at         timestamptz NOT NULL,
    service             text NOT NULL,
    actor               text,
    actor_organisation  uuid,
    client_id           text,
    action              text NOT NULL,
    resource_type       text NOT NULL,
    resource_id         text,
    subject_ids         text[] NOT NULL,
    correlation_id      text,
    details             jsonb NOT NULL,
    previous_hash       bytea NOT NULL,
    hash                bytea NOT NULL
);

CREATE INDEX audit_entries_subjects ON audit_entries USING gin (subject_ids);
CREATE INDEX audit_entries_actor ON audit_entries (actor, sequence);
CREATE INDEX audit_entries_organisation ON audit_entries (actor_organisation, sequence);
CREATE INDEX audit_entries_occurred ON audit_entries (occurred_at);

-- The chain's one head row: the last entry (appends lock it, so they take turns) and the anchor, the last entry the
-- retention job removed, where verification starts. Sequence 0 with 32 zero bytes is the empty chain.
CREATE TABLE audit_chain (
    id               int PRIMARY KEY CHECK (id = 1),
    last_sequence    bigint NOT NULL,
    last_hash        bytea NOT NULL,
    anchor_sequence  bigint NOT NULL,
    anchor_hash      bytea NOT NULL
);

INSERT INTO audit_chain (id, last_sequence, last_hash, anchor_sequence, anchor_hash)
VALUES (1, 0, decode(repeat('00', 32), 'hex'), 0, decode(repeat('00', 32), 'hex'));

-- Entries are never changed. Only the retention job deletes, and only entries appended before the cut-off it names
-- in the transaction (llo.audit_retention_before), which is itself at least 183 days ago.
CREATE FUNCTION audit_entries_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    cutoff timestamptz := nullif(current_setting('llo.audit_retention_before', true), '')::timestamptz;
BEGIN
    IF TG_OP = 'DELETE' AND cutoff IS NOT NULL AND cutoff <= now() - interval '183 days' AND OLD.recorded_at < cutoff THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION 'audit_entries is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER audit_entries_append_only BEFORE UPDATE OR DELETE ON audit_entries
    FOR EACH ROW EXECUTE FUNCTION audit_entries_append_only();
CREATE TRIGGER audit_entries_no_truncate BEFORE TRUNCATE ON audit_entries
    FOR EACH STATEMENT EXECUTE FUNCTION audit_entries_append_only();

-- The head only moves forward; the anchor moves only with the retention job.
CREATE FUNCTION audit_chain_forward_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND NEW.id = OLD.id AND NEW.last_sequence >= OLD.last_sequence
       AND NEW.anchor_sequence >= OLD.anchor_sequence AND NEW.anchor_sequence <= NEW.last_sequence
       AND (NEW.anchor_sequence = OLD.anchor_sequence AND NEW.anchor_hash = OLD.anchor_hash
            OR nullif(current_setting('llo.audit_retention_before', true), '') IS NOT NULL) THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'audit_chain only moves forward: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER audit_chain_forward_only BEFORE UPDATE OR DELETE ON audit_chain
    FOR EACH ROW EXECUTE FUNCTION audit_chain_forward_only();
CREATE TRIGGER audit_chain_no_truncate BEFORE TRUNCATE ON audit_chain
    FOR EACH STATEMENT EXECUTE FUNCTION audit_chain_forward_only();
