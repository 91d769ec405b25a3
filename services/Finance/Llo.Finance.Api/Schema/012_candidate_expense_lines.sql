-- The inventory's projects as its events announce them (inventory.project-registered): the id and the public title,
-- enough to name a candidate line. Finance reads no other service's database; this is its own copy.
CREATE TABLE inventory_projects (
    project_id    uuid PRIMARY KEY,
    title         text NOT NULL,
    registered_at timestamptz NOT NULL
);

-- Pilots the board decided to scale up (inventory.scaling-decided, Approved): candidate expense lines for the next
-- budget version, with the inventory's estimate of the yearly cost in cents excluding VAT (NULL when the event had none).
CREATE TABLE candidate_expense_lines (
    proposal_id           uuid PRIMARY KEY,
    project_id            uuid NOT NULL,
    decided_on            date NOT NULL,
    yearly_estimate_cents bigint NULL CHECK (yearly_estimate_cents >= 0),
    received_at           timestamptz NOT NULL
);
