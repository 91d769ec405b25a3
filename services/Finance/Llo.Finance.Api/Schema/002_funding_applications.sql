-- Funding applications. Amounts per year are small owned maps read and written with the row, so they are jsonb:
-- {"2022": 10000000} in cents excluding VAT; granted is NULL until a grant. status holds the domain's enum name.
CREATE TABLE funding_applications (
    id                  text PRIMARY KEY,
    title               text NOT NULL,
    funders             text[] NOT NULL,
    lead_applicant      text NULL,
    requested           jsonb NOT NULL,
    probability_percent integer NOT NULL CHECK (probability_percent BETWEEN 0 AND 100),
    status              text NOT NULL,
    granted             jsonb NULL,
    notes               text NULL,
    income_line_id      text NULL,
    version             bigint NOT NULL,
    created_at          timestamptz NOT NULL,
    updated_at          timestamptz NOT NULL
);
