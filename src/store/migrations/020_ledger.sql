-- The pool ledger: every event of an Annual Solidarity Pool cycle, in order, each entry carrying the SHA-256 of the
-- previous one. Append-only: the database itself refuses UPDATE, DELETE and TRUNCATE.
CREATE TABLE pool_event (
  cycle integer NOT NULL CHECK (cycle BETWEEN 2024 AND 2100),
  seq integer NOT NULL CHECK (seq >= 1),
  type text NOT NULL,
  actor text NOT NULL,
  role text NOT NULL,
  recorded_at timestamptz NOT NULL,
  payload jsonb NOT NULL,
  prev_hash char(64) NOT NULL,
  hash char(64) NOT NULL,
  -- Writes name the version they expect: two writers appending the same (cycle, seq) cannot both succeed.
  PRIMARY KEY (cycle, seq)
);

CREATE FUNCTION pool_event_refuse_change() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'pool_event is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER pool_event_no_update_or_delete BEFORE UPDATE OR DELETE ON pool_event
  FOR EACH ROW EXECUTE FUNCTION pool_event_refuse_change();

CREATE TRIGGER pool_event_no_truncate BEFORE TRUNCATE ON pool_event
  FOR EACH STATEMENT EXECUTE FUNCTION pool_event_refuse_change();
