-- The inventory's projects as matching knows them: read over the inventory's gRPC API when an event announces a
-- change (and once at start while the table is empty), with the ESCO skills matching's own extraction finds in the
-- project's title, summary and description. Public project facts only: no contact person.
CREATE TABLE inventory_projects (
    project_id   uuid PRIMARY KEY,
    title        text NOT NULL,
    status       text NOT NULL,
    archived     boolean NOT NULL,
    skill_uris   text[] NOT NULL,
    version      bigint NOT NULL,
    synced_at    timestamptz NOT NULL
);
