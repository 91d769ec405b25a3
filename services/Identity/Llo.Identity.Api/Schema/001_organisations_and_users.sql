-- Organisations and the people who act for them. A user belongs to exactly one organisation.
CREATE TABLE organisations (
    organisation_id uuid PRIMARY KEY,
    name            text NOT NULL,
    version         integer NOT NULL DEFAULT 1,
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL
);

CREATE UNIQUE INDEX organisations_name ON organisations (lower(name));

CREATE TABLE users (
    user_id          uuid PRIMARY KEY,
    organisation_id  uuid NOT NULL REFERENCES organisations (organisation_id),
    -- The e-mail address is the user name; stored as given, matched case-insensitively.
    email            text NOT NULL,
    display_name     text NOT NULL,
    password_hash    text NOT NULL,
    roles            text[] NOT NULL DEFAULT '{}',
    failed_logins    integer NOT NULL DEFAULT 0,
    locked_until     timestamptz,
    version          integer NOT NULL DEFAULT 1,
    created_at       timestamptz NOT NULL,
    updated_at       timestamptz NOT NULL
);

CREATE UNIQUE INDEX users_email ON users (lower(email));
CREATE INDEX users_organisation ON users (organisation_id);
