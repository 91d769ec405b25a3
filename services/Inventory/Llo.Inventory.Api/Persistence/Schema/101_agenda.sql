-- Open agendas: partners' meetings and events. Times are local Dutch time (Europe/Amsterdam) as entered.
CREATE TABLE agenda_items (
    id           uuid PRIMARY KEY,
    title        text NOT NULL,
    date         date NOT NULL,
    start_time   time NOT NULL,
    end_time     time NOT NULL,
    place        text NOT NULL,
    organiser    text NOT NULL,
    topic        text NOT NULL DEFAULT '',
    description  text NOT NULL DEFAULT '',
    focus_line   text NULL,           -- domain name: 'SchoolToWork', 'WorkToWork', 'HomeToWork'
    municipality text NULL,
    public       boolean NOT NULL,
    created_at   timestamptz NOT NULL,
    updated_at   timestamptz NOT NULL,
    search       tsvector GENERATED ALWAYS AS (
        to_tsvector('dutch'::regconfig, title || ' ' || topic || ' ' || description || ' ' || place || ' ' || organiser)) STORED,
    CONSTRAINT agenda_items_times CHECK (start_time < end_time)
);

CREATE INDEX agenda_items_date ON agenda_items (date, start_time, id);
CREATE INDEX agenda_items_search ON agenda_items USING gin (search);

-- The projects a meeting is about. A project is archived, never deleted, so RESTRICT keeps links honest.
CREATE TABLE agenda_item_projects (
    agenda_item_id uuid NOT NULL REFERENCES agenda_items (id) ON DELETE CASCADE,
    project_id     uuid NOT NULL REFERENCES projects (id) ON DELETE RESTRICT,
    PRIMARY KEY (agenda_item_id, project_id)
);

CREATE INDEX agenda_item_projects_project ON agenda_item_projects (project_id);
