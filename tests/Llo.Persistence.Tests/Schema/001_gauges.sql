CREATE TABLE gauges (
    id          uuid PRIMARY KEY,
    name        text NOT NULL,
    kind        text NOT NULL,
    measured_on date NULL,
    opens_at    time NOT NULL,
    readings    jsonb NOT NULL,
    tags        text[] NOT NULL,
    version     bigint NOT NULL,
    changed_at  timestamptz NOT NULL
);
