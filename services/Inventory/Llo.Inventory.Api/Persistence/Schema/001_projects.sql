-- Projects of the regional inventory. Enums are stored by their domain names ('SchoolToWork', 'Pilot', 'Lead');
-- partners, contact and links are small owned lists read and written with the project, so they are jsonb.
CREATE TABLE projects (
    id              uuid PRIMARY KEY,
    title           text NOT NULL,
    summary         text NOT NULL DEFAULT '',
    description     text NOT NULL DEFAULT '',
    focus_lines     text[] NOT NULL DEFAULT '{}',
    themes          text[] NOT NULL DEFAULT '{}',
    sectors         text[] NOT NULL DEFAULT '{}',
    target_groups   text[] NOT NULL DEFAULT '{}',
    campus          text NULL,
    municipalities  text[] NOT NULL DEFAULT '{}',
    partners        jsonb NOT NULL DEFAULT '[]',   -- [{"organisation": "...", "role": "Lead"}]
    status          text NOT NULL,
    start_date      date NULL,
    end_date        date NULL,
    budget_estimate numeric(14, 2) NULL,
    contact         jsonb NULL,                    -- person fields only present with consent
    results         text NOT NULL DEFAULT '',
    lessons_learned text NOT NULL DEFAULT '',
    links           jsonb NOT NULL DEFAULT '[]',   -- [{"title": "...", "url": "..."}]
    archived        boolean NOT NULL DEFAULT false,
    version         bigint NOT NULL DEFAULT 1,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT projects_period CHECK (start_date IS NULL OR end_date IS NULL OR start_date <= end_date),
    CONSTRAINT projects_budget CHECK (budget_estimate IS NULL OR budget_estimate >= 0)
);
