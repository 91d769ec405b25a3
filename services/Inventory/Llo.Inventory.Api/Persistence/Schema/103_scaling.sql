-- Scaling proposals: a pilot proposed for regional roll-out, with its transferability assessment and the board's decision.
CREATE TABLE scaling_proposals (
    id             uuid PRIMARY KEY,
    project_id     uuid NOT NULL REFERENCES projects (id) ON DELETE RESTRICT,
    results        text NOT NULL,
    costs          numeric(14, 2) NOT NULL CHECK (costs >= 0),
    conditions     text NOT NULL,
    municipalities text[] NOT NULL,
    proposed_by    text NOT NULL,
    proposed_at    timestamptz NOT NULL,
    decision       text NULL,           -- 'Approved', 'Declined', 'Deferred'; NULL while the board has not decided
    decided_on     date NULL,
    reason         text NULL,
    decided_at     timestamptz NULL,
    CONSTRAINT scaling_proposals_decided CHECK ((decision IS NULL) = (decided_on IS NULL)),
    CONSTRAINT scaling_proposals_reason CHECK (decision IS NULL OR decision = 'Approved' OR reason IS NOT NULL)
);

-- One proposal per project awaits the board at a time.
CREATE UNIQUE INDEX scaling_proposals_pending ON scaling_proposals (project_id) WHERE decision IS NULL;
CREATE INDEX scaling_proposals_project ON scaling_proposals (project_id, proposed_at);
