CREATE TABLE notes (
    id         uuid PRIMARY KEY,
    title      text NOT NULL,
    body       text NOT NULL,
    topic      text NOT NULL,
    version    bigint NOT NULL,
    updated_at timestamptz NOT NULL
);
CREATE INDEX notes_topic ON notes (topic, updated_at DESC, id);
