-- Published budget versions: a new version adds rows and never changes an older one, so every version stays readable.
-- Only lines are stored; every total is computed from them by Llo.Finance.Domain.
CREATE TABLE budget_versions (
    number       integer PRIMARY KEY CHECK (number >= 1),
    label        text NOT NULL,
    dated        date NOT NULL,
    first_year   integer NOT NULL,
    last_year    integer NOT NULL CHECK (last_year >= first_year),
    published_at timestamptz NOT NULL
);

-- kind is 'income' or 'expense'; position keeps the budget's order. Income lines carry source and funder (the domain's
-- IncomeSource name), expense lines a priority (1 is paid first).
CREATE TABLE budget_lines (
    version     integer NOT NULL REFERENCES budget_versions (number),
    kind        text NOT NULL CHECK (kind IN ('income', 'expense')),
    line_id     text NOT NULL,
    position    integer NOT NULL,
    description text NOT NULL,
    category    text NOT NULL,
    source      text NULL,
    funder      text NULL,
    priority    integer NULL,
    PRIMARY KEY (version, kind, line_id)
);

-- A year without a row is blank, which is not the same as a year with 0 (the plan prints "-€" for some years).
CREATE TABLE budget_amounts (
    version integer NOT NULL,
    kind    text NOT NULL,
    line_id text NOT NULL,
    year    integer NOT NULL,
    cents   bigint NOT NULL,
    PRIMARY KEY (version, kind, line_id, year),
    FOREIGN KEY (version, kind, line_id) REFERENCES budget_lines (version, kind, line_id)
);
