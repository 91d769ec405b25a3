-- The request ids clients send with a registration, so that a retry after a lost answer returns the project the
-- first attempt stored instead of registering a twin. The fingerprint (SHA-256 of the request without its id) tells
-- a true retry from a different request that reuses an id. Rows are kept for 7 days (ProjectCreateRequests).
CREATE TABLE project_create_requests (
    request_id uuid PRIMARY KEY,
    subject text NOT NULL,
    fingerprint bytea NOT NULL,
    project_id uuid NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX project_create_requests_created_at ON project_create_requests (created_at);
