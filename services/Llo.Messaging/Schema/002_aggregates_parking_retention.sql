-- Every event may name its aggregate and that aggregate's version: consumers can ignore a stale one, and a parked row
-- holds back only the later rows of its own aggregate.
ALTER TABLE messaging_outbox ADD COLUMN IF NOT EXISTS aggregate_id text NULL;
ALTER TABLE messaging_outbox ADD COLUMN IF NOT EXISTS aggregate_version bigint NULL;
-- Set when the broker refused the row too often: the relay skips it (and its aggregate's later rows) until an operator acts.
ALTER TABLE messaging_outbox ADD COLUMN IF NOT EXISTS parked_at timestamptz NULL;
CREATE INDEX IF NOT EXISTS messaging_outbox_parked ON messaging_outbox (aggregate_id, position)
    WHERE parked_at IS NOT NULL AND sent_at IS NULL;
-- Housekeeping deletes sent rows and old inbox ids in small batches, oldest first.
CREATE INDEX IF NOT EXISTS messaging_outbox_sent ON messaging_outbox (sent_at) WHERE sent_at IS NOT NULL;
CREATE INDEX IF NOT EXISTS messaging_inbox_processed ON messaging_inbox (processed_at);
