-- The ASP.NET Core Data Protection key ring (it protects the login cookie and the login form's antiforgery token).
-- Kept here rather than on a replica's disk, so a login survives a restart and every instance accepts the cookies
-- and forms of the others. Like signing_keys, whoever reads this table can forge a login: the database is the secret store.
CREATE TABLE data_protection_keys (
    -- The key ring's own name for the element ("key-<guid>", "revocation-…"); storing it again replaces it.
    name        text PRIMARY KEY,
    xml         text NOT NULL,
    stored_at   timestamptz NOT NULL DEFAULT now()
);
