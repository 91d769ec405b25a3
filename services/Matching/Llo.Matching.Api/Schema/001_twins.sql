-- The twins keep their writable fields as the contract's JSON (jsonb): they are read and written whole, matched in
-- memory, and keyed by ESCO URIs, so a later ESCO version keeps them valid. Columns beside the JSON are what the
-- access checks and lists filter on. No column for age, gender, origin or postcode: the twin has none.
CREATE TABLE workers (
    id               uuid PRIMARY KEY,
    fields           jsonb NOT NULL,
    coach_user_id    uuid NULL,
    user_id          uuid NULL,
    version          bigint NOT NULL,
    created_at       timestamptz NOT NULL,
    updated_at       timestamptz NOT NULL
);
CREATE INDEX workers_coach ON workers (coach_user_id);
CREATE INDEX workers_user ON workers (user_id);

-- The history of changes of a twin: which fields, in which version, when and in which role (not who: the audit log
-- of the identity service records the actor).
CREATE TABLE worker_changes (
    worker_id        uuid NOT NULL REFERENCES workers (id) ON DELETE CASCADE,
    version          bigint NOT NULL,
    changed_fields   text[] NOT NULL,
    changed_at       timestamptz NOT NULL,
    changed_by_role  text NOT NULL,
    PRIMARY KEY (worker_id, version)
);

CREATE TABLE employers (
    id                 uuid PRIMARY KEY,
    fields             jsonb NOT NULL,
    owner_organisation uuid NULL,
    version            bigint NOT NULL,
    created_at         timestamptz NOT NULL,
    updated_at         timestamptz NOT NULL
);

CREATE TABLE jobs (
    id               uuid PRIMARY KEY,
    employer_id      uuid NOT NULL REFERENCES employers (id),
    fields           jsonb NOT NULL,
    version          bigint NOT NULL,
    created_at       timestamptz NOT NULL,
    updated_at       timestamptz NOT NULL
);
CREATE INDEX jobs_employer ON jobs (employer_id);

CREATE TABLE trainings (
    id                 uuid PRIMARY KEY,
    fields             jsonb NOT NULL,
    owner_organisation uuid NULL,
    version            bigint NOT NULL,
    created_at         timestamptz NOT NULL,
    updated_at         timestamptz NOT NULL
);

-- A match run: what was asked (job matches of a worker, candidates of a job), with which scoring version and
-- taxonomy, and how many results. Each result is a stored match that a coach decides on.
CREATE TABLE match_runs (
    id               uuid PRIMARY KEY,
    kind             text NOT NULL,
    worker_id        uuid NULL,
    job_id           uuid NULL,
    scoring_version  text NOT NULL,
    taxonomy         text NOT NULL,
    result_count     integer NOT NULL,
    run_at           timestamptz NOT NULL
);

CREATE TABLE matches (
    id               uuid PRIMARY KEY,
    run_id           uuid NOT NULL REFERENCES match_runs (id) ON DELETE CASCADE,
    worker_id        uuid NOT NULL REFERENCES workers (id) ON DELETE CASCADE,
    job_id           uuid NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
    job              jsonb NOT NULL,
    explanation      jsonb NOT NULL,
    score            double precision NOT NULL,
    status           text NOT NULL,
    reason           text NULL,
    version          bigint NOT NULL,
    found_at         timestamptz NOT NULL,
    decided_at       timestamptz NULL
);
CREATE INDEX matches_worker ON matches (worker_id, found_at DESC);
