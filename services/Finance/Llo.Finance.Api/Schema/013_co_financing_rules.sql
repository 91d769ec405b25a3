-- Co-financing rules per funder: the own contribution the funder requires, in whole percent of the costs, for the
-- years first_year..last_year (NULL: open). A funder has one rule per year; writers check that under a table lock,
-- since two ranges overlapping is not something a unique index can say.
CREATE TABLE co_financing_rules (
    id                         uuid PRIMARY KEY,
    funder                     text NOT NULL,
    required_own_share_percent integer NOT NULL CHECK (required_own_share_percent BETWEEN 1 AND 99),
    first_year                 integer NULL,
    last_year                  integer NULL CHECK (last_year IS NULL OR first_year IS NULL OR last_year >= first_year),
    source                     text NULL,
    version                    bigint NOT NULL,
    created_at                 timestamptz NOT NULL,
    updated_at                 timestamptz NOT NULL
);

CREATE INDEX co_financing_rules_by_funder ON co_financing_rules (lower(funder));
