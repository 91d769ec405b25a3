-- The outbox (events written with the state change, sent by the relay) and the inbox (messages a consumer handled).
-- IF NOT EXISTS: databases from before the schema journal already have these tables without a journal row.
CREATE TABLE IF NOT EXISTS messaging_outbox (
    id           uuid PRIMARY KEY,
    position     bigint GENERATED ALWAYS AS IDENTITY,
    type         text NOT NULL,
    version      integer NOT NULL,
    occurred_at  timestamptz NOT NULL,
    payload      jsonb NOT NULL,
    trace_parent text NULL,
    attempts     integer NOT NULL DEFAULT 0,
    sent_at      timestamptz NULL,
    last_error   text NULL
);
CREATE INDEX IF NOT EXISTS messaging_outbox_unsent ON messaging_outbox (position) WHERE sent_at IS NULL;
CREATE TABLE IF NOT EXISTS messaging_inbox (
    message_id   uuid NOT NULL,
    consumer     text NOT NULL,
    processed_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (message_id, consumer)
);
