-- National implementation plans of the Pact: one row per Member State and milestone, set by the Member State and
-- reviewed by the Commission; every change is also kept in the history.
CREATE TABLE implementation_milestone (
  state text NOT NULL,
  milestone text NOT NULL,
  status text NOT NULL CHECK (status IN ('not-started', 'in-progress', 'completed', 'delayed')),
  evidence text NOT NULL DEFAULT '',
  target_date date,
  updated_by text NOT NULL,
  updated_at timestamptz NOT NULL,
  review text NOT NULL DEFAULT 'pending' CHECK (review IN ('pending', 'accepted', 'returned')),
  review_note text NOT NULL DEFAULT '',
  reviewed_by text,
  reviewed_at timestamptz,
  PRIMARY KEY (state, milestone)
);

CREATE TABLE implementation_milestone_history (
  id serial PRIMARY KEY,
  state text NOT NULL,
  milestone text NOT NULL,
  action text NOT NULL CHECK (action IN ('update', 'review')),
  actor text NOT NULL,
  role text NOT NULL,
  at timestamptz NOT NULL,
  detail jsonb NOT NULL
);

-- Requests by Member States to the permanent EU Migration Support Toolbox (AMMR Art 6(3)).
CREATE TABLE support_request (
  id serial PRIMARY KEY,
  state text NOT NULL,
  item text NOT NULL,
  description text NOT NULL,
  status text NOT NULL CHECK (status IN ('submitted', 'in-review', 'granted', 'refused', 'delivered', 'withdrawn')),
  submitted_by text NOT NULL,
  submitted_at timestamptz NOT NULL,
  updated_by text NOT NULL,
  updated_at timestamptz NOT NULL,
  note text NOT NULL DEFAULT ''
);
CREATE INDEX support_request_by_state ON support_request (state);
