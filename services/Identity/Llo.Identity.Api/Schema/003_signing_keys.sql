-- The RSA keys that sign (use 'sig') and encrypt (use 'enc') the tokens. Created once and kept, so tokens stay valid
-- across a restart; a new key is added when the newest is older than Identity:Keys:RotateAfter, and a superseded key
-- stays (published in the JWKS) until every token it signed has expired.
CREATE TABLE signing_keys (
    key_id        text PRIMARY KEY,
    use           text NOT NULL CHECK (use IN ('sig', 'enc')),
    -- PKCS#8 private key, base64. Whoever reads this table can issue tokens: the database is the secret store.
    private_key   text NOT NULL,
    created_at    timestamptz NOT NULL,
    -- Set when a newer key of the same use takes over; the key is dropped once retired_at + the longest token lifetime passed.
    retired_at    timestamptz
);

CREATE INDEX signing_keys_use ON signing_keys (use, created_at DESC);
