-- People's rights: export and erasure requests, and which service has answered each. Identity answers for itself
-- when the request is made; the others answer through events (privacy.personal-data-exported, privacy.erasure-confirmed).
CREATE TABLE privacy_requests (
    request_id        uuid PRIMARY KEY,
    kind              text NOT NULL CHECK (kind IN ('export', 'erasure')),
    -- No foreign key: an erased account is anonymised, and the request's record outlives what it erased.
    subject_user_id   uuid NULL,
    -- Exports only (the document names the person); an erasure request keeps no address of the person it erased.
    subject_emails    text[] NOT NULL DEFAULT '{}',
    requested_by      text NOT NULL,
    requested_at      timestamptz NOT NULL,
    -- Fixed when the request is made (identity first), so a changed Llo:Privacy:Services never rewrites an old request.
    expected_services text[] NOT NULL,
    completed_at      timestamptz NULL,
    -- Exports only: the request and its document are deleted after this.
    expires_at        timestamptz NULL,
    CONSTRAINT privacy_requests_erasure_keeps_no_address CHECK (kind = 'export' OR cardinality(subject_emails) = 0)
);

CREATE INDEX privacy_requests_expiry ON privacy_requests (expires_at) WHERE expires_at IS NOT NULL;

CREATE TABLE privacy_request_answers (
    request_id   uuid NOT NULL REFERENCES privacy_requests (request_id) ON DELETE CASCADE,
    service      text NOT NULL,
    answered_at  timestamptz NOT NULL,
    erased_count integer NULL,   -- erasure: records the service erased or anonymised
    part         jsonb NULL,     -- export: the service's part of the document
    PRIMARY KEY (request_id, service)
);

-- An erased account is anonymised, not deleted (its id stays for the audit trail and accepted invitations).
ALTER TABLE users ADD COLUMN erased_at timestamptz NULL;
