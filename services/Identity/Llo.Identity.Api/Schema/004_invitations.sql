-- One-time invitations: an administrator invites an e-mail address with roles into their organisation. Only the
-- SHA-256 of the link token is stored; the token itself is shown once, to the inviter.
CREATE TABLE invitations (
    invitation_id    uuid PRIMARY KEY,
    organisation_id  uuid NOT NULL REFERENCES organisations (organisation_id),
    email            text NOT NULL,
    roles            text[] NOT NULL,
    token_hash       bytea NOT NULL UNIQUE,
    invited_by       text NOT NULL,
    created_at       timestamptz NOT NULL,
    expires_at       timestamptz NOT NULL,
    accepted_at      timestamptz,
    user_id          uuid REFERENCES users (user_id)
);

CREATE INDEX invitations_organisation ON invitations (organisation_id, created_at);
