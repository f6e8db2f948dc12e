-- The database checks the hash chain's links as entries arrive: each entry must follow the cycle's last one (no gap)
-- and carry its hash as prev_hash (the first entry carries 64 zeros). Writers that already hold the head no longer
-- read it inside a transaction before appending; with this check a writer with a wrong head is refused instead of
-- breaking the chain. Content hashes are still recomputed only by `pactcycle ledger verify`.
CREATE FUNCTION pool_event_check_link() RETURNS trigger AS $$
DECLARE
  previous text;
BEGIN
  IF NEW.seq = 1 THEN
    previous := repeat('0', 64);
  ELSE
    -- Rows inserted earlier by the same statement are visible here, so one statement may append several entries.
    SELECT hash INTO previous FROM pool_event WHERE cycle = NEW.cycle AND seq = NEW.seq - 1;
    IF NOT FOUND THEN
      RAISE EXCEPTION 'pool_event %/%: entry % of the cycle does not exist', NEW.cycle, NEW.seq, NEW.seq - 1 USING ERRCODE = 'check_violation';
    END IF;
  END IF;
  IF NEW.prev_hash IS DISTINCT FROM previous THEN
    RAISE EXCEPTION 'pool_event %/%: prev_hash does not match the hash of the entry before it', NEW.cycle, NEW.seq USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER pool_event_links_onto_chain BEFORE INSERT ON pool_event
  FOR EACH ROW EXECUTE FUNCTION pool_event_check_link();
