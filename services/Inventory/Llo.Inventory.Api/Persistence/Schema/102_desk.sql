-- The LLO-desk: questions from anyone, routed to a focus line's project leader or a partner.
-- Contact details are personal data: stored only with consent, never logged, never in list responses or events.
CREATE TABLE desk_questions (
    id              uuid PRIMARY KEY,
    topic           text NOT NULL,
    question        text NOT NULL,
    municipality    text NULL,
    focus_line      text NULL,          -- given or inferred: 'SchoolToWork', 'WorkToWork', 'HomeToWork'
    sector          text NULL,
    campus          text NULL,
    routed_to       text NOT NULL,
    routing_reason  text NOT NULL,
    status          text NOT NULL,      -- 'New', 'Assigned', 'Answered', 'Closed'
    assignee        text NULL,
    answer          text NULL,
    contact_consent boolean NOT NULL DEFAULT false,
    contact_name    text NULL,
    contact_email   text NULL,
    contact_phone   text NULL,
    submitted_at    timestamptz NOT NULL,
    assigned_at     timestamptz NULL,
    answered_at     timestamptz NULL,
    closed_at       timestamptz NULL,
    search          tsvector GENERATED ALWAYS AS (to_tsvector('dutch'::regconfig, topic || ' ' || question)) STORED,
    CONSTRAINT desk_questions_contact_consent CHECK (
        contact_consent OR (contact_name IS NULL AND contact_email IS NULL AND contact_phone IS NULL)),
    CONSTRAINT desk_questions_answered CHECK (status NOT IN ('Answered', 'Closed') OR answer IS NOT NULL)
);

CREATE INDEX desk_questions_submitted ON desk_questions (submitted_at DESC, id);
CREATE INDEX desk_questions_open ON desk_questions (focus_line) WHERE status IN ('New', 'Assigned');
CREATE INDEX desk_questions_search ON desk_questions USING gin (search);
