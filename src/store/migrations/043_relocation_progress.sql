-- Progress of a decided relocation case (AMMR Art 67(7)-(11)): one row per recorded step with its date, who recorded
-- it and when. Append-only: a correction is a new row, the latest row for a (run, case, step) wins, and the database
-- refuses UPDATE, DELETE and TRUNCATE.
CREATE TABLE relocation_progress (
  id serial PRIMARY KEY,
  run_id integer NOT NULL,
  case_id text NOT NULL,
  step text NOT NULL CHECK (step IN ('informationReceived', 'postponementNotified', 'confirmed', 'transferDecision', 'personNotified', 'plannedTransfer', 'appealFinal', 'transferred')),
  date date NOT NULL,
  recorded_by text NOT NULL,
  recorded_at timestamptz NOT NULL,
  FOREIGN KEY (run_id, case_id) REFERENCES matching_assignment (run_id, case_id)
);
CREATE INDEX relocation_progress_by_case ON relocation_progress (run_id, case_id, step);

CREATE FUNCTION relocation_progress_refuse_change() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'relocation_progress is append-only: % refused; record the step again instead', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER relocation_progress_no_update_or_delete BEFORE UPDATE OR DELETE ON relocation_progress
  FOR EACH ROW EXECUTE FUNCTION relocation_progress_refuse_change();

CREATE TRIGGER relocation_progress_no_truncate BEFORE TRUNCATE ON relocation_progress
  FOR EACH STATEMENT EXECUTE FUNCTION relocation_progress_refuse_change();
