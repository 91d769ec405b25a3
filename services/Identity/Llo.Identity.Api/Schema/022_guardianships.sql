-- Who is a child's parent: only a parent with a link gives consent for a child under 16. The link is filed under the
-- child's organisation, whose administrators and privacy-officer keep it. A link is created and removed, never changed.
CREATE TABLE guardianships (
    guardianship_id   uuid PRIMARY KEY,
    parent_id         uuid NOT NULL REFERENCES users (user_id),
    -- The child's user id, or for a child without an account the id the platform knows them by.
    child_id          uuid NOT NULL,
    organisation_id   uuid NOT NULL REFERENCES organisations (organisation_id),
    created_at        timestamptz NOT NULL,
    version           bigint NOT NULL DEFAULT 1,
    CONSTRAINT guardianships_not_self CHECK (parent_id <> child_id)
);

CREATE UNIQUE INDEX guardianships_pair ON guardianships (parent_id, child_id);
CREATE INDEX guardianships_child ON guardianships (child_id);
CREATE INDEX guardianships_organisation ON guardianships (organisation_id, created_at DESC);
