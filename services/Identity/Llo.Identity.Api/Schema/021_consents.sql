-- The consent registry. A consent is withdrawn, never changed; giving it again makes a new row, so the history stays.
CREATE TABLE consents (
    consent_id        uuid PRIMARY KEY,
    -- The person the consent is about: their user id, or for a child without an account the id a parent names.
    person_id         uuid NOT NULL,
    purpose           text NOT NULL,
    purpose_version   integer NOT NULL,
    given_by          uuid NOT NULL,
    relation          text NOT NULL,
    child_birth_date  date NULL,
    given_at          timestamptz NOT NULL,
    withdrawn_at      timestamptz NULL,
    version           bigint NOT NULL DEFAULT 1,
    CONSTRAINT consents_relation CHECK (
        (relation = 'self' AND given_by = person_id AND child_birth_date IS NULL)
        OR (relation = 'parent' AND given_by <> person_id AND child_birth_date IS NOT NULL))
);

CREATE UNIQUE INDEX consents_in_force ON consents (person_id, purpose) WHERE withdrawn_at IS NULL;
CREATE INDEX consents_person ON consents (person_id, given_at DESC);
CREATE INDEX consents_given_by ON consents (given_by);
