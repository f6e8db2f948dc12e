-- Relocation matching runs (AMMR Arts 60, 67): a proposal computed by the Coordinator's matching tool, case by case,
-- which a person then accepts or changes. The pledges and releases the run used are kept with it.
CREATE TABLE matching_run (
  id serial PRIMARY KEY,
  label text NOT NULL DEFAULT '',
  created_by text NOT NULL,
  created_at timestamptz NOT NULL,
  input jsonb NOT NULL,
  summary jsonb NOT NULL
);

CREATE TABLE matching_assignment (
  run_id integer NOT NULL REFERENCES matching_run (id),
  case_id text NOT NULL,
  benefitting text NOT NULL,
  persons integer NOT NULL CHECK (persons > 0),
  proposed_state text,
  explanation text NOT NULL,
  detail jsonb NOT NULL,
  decision text NOT NULL DEFAULT 'proposed' CHECK (decision IN ('proposed', 'accepted', 'changed')),
  final_state text,
  decided_by text,
  decided_at timestamptz,
  note text NOT NULL DEFAULT '',
  PRIMARY KEY (run_id, case_id)
);

CREATE INDEX matching_assignment_benefitting ON matching_assignment (run_id, benefitting);
