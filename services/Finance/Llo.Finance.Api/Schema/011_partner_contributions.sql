-- Partner contributions per organisation, category and year, in cents excluding VAT (paid <= invoiced <= committed,
-- checked by Llo.Finance.Domain and again here). existing_budget NULL is "not known"; confirmed_at is set when the
-- partner confirms and cleared when the programme changes what it committed.
CREATE TABLE partner_contributions (
    id                  text PRIMARY KEY,
    organisation_id     uuid NOT NULL,
    partner             text NOT NULL,
    category            text NOT NULL,
    year                integer NOT NULL,
    committed_cents     bigint NOT NULL CHECK (committed_cents >= 0),
    invoiced_cents      bigint NOT NULL CHECK (invoiced_cents >= 0 AND invoiced_cents <= committed_cents),
    paid_cents          bigint NOT NULL CHECK (paid_cents >= 0 AND paid_cents <= invoiced_cents),
    existing_budget     boolean NULL,
    vat_recoverable     boolean NOT NULL,
    probability_percent integer NOT NULL CHECK (probability_percent BETWEEN 0 AND 100),
    income_line_id      text NULL,
    notes               text NULL,
    confirmed_at        timestamptz NULL,
    version             bigint NOT NULL,
    created_at          timestamptz NOT NULL,
    updated_at          timestamptz NOT NULL
);

CREATE INDEX partner_contributions_by_organisation ON partner_contributions (organisation_id, year);
