-- Observations from every source, one row per indicator × geo × period × extra dimensions × vintage.
-- A new vintage is kept beside the old one; queries take the latest unless asked for another.
CREATE TABLE observation (
  indicator text NOT NULL,
  geo text NOT NULL,
  period text NOT NULL,
  dims text NOT NULL DEFAULT '',
  vintage text NOT NULL,
  value double precision NOT NULL,
  unit text NOT NULL,
  flags text NOT NULL DEFAULT '',
  source text NOT NULL,
  load_id integer NOT NULL,
  PRIMARY KEY (indicator, geo, period, dims, vintage)
);
CREATE INDEX observation_by_geo ON observation (geo, indicator);

-- One row per file or API response loaded, so that every figure can be traced to its bytes.
CREATE TABLE data_load (
  id serial PRIMARY KEY,
  source_file text NOT NULL,
  sha256 text NOT NULL,
  indicator text NOT NULL,
  source text NOT NULL,
  vintage text NOT NULL,
  rows_read integer NOT NULL,
  rows_inserted integer NOT NULL,
  loaded_at timestamptz NOT NULL DEFAULT now()
);
