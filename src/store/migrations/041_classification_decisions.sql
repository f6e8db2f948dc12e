-- Decision records of the Art 11 classification (AMMR Art 11(1)): per cycle, Member State and category, adopted or
-- not, with the ground, date, act and who recorded it. Kept apart from the computed evidence. Append-only: a later
-- record for the same cycle, state and category supersedes an earlier one, and the database refuses UPDATE/DELETE.
CREATE TABLE classification_decision (
  id serial PRIMARY KEY,
  cycle integer NOT NULL CHECK (cycle BETWEEN 2026 AND 2100),
  state text NOT NULL,
  category text NOT NULL CHECK (category IN ('under-pressure', 'at-risk', 'significant-situation')),
  adopted boolean NOT NULL,
  ground text NOT NULL,
  decided_on date NOT NULL,
  act text NOT NULL,
  recorded_by text NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX classification_decision_by_cycle ON classification_decision (cycle, state, category);

CREATE FUNCTION classification_decision_refuse_change() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'classification_decision is append-only: % refused; record a new decision instead', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER classification_decision_no_update_or_delete BEFORE UPDATE OR DELETE ON classification_decision
  FOR EACH ROW EXECUTE FUNCTION classification_decision_refuse_change();
