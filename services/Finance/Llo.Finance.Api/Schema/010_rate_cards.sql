-- The rate card per budget year: one row per role. The staffing lines a role fills are a small owned list read and
-- written with the row, so they are jsonb: [{"expenseLineId": "programmamanager", "partOfYear": 1}]. Yearly costs are
-- computed from the rate, hours and weeks, never stored.
CREATE TABLE rate_card_roles (
    year              integer NOT NULL,
    role_id           text NOT NULL,
    position          integer NOT NULL,
    name              text NOT NULL,
    hourly_rate_cents bigint NOT NULL CHECK (hourly_rate_cents >= 0),
    hours_per_week    numeric(5, 2) NOT NULL CHECK (hours_per_week BETWEEN 0 AND 60),
    weeks_per_year    numeric(5, 2) NOT NULL CHECK (weeks_per_year BETWEEN 0 AND 53),
    assignments       jsonb NOT NULL,
    version           bigint NOT NULL,
    updated_at        timestamptz NOT NULL,
    PRIMARY KEY (year, role_id)
);
