/**
 * One statistical fact, whatever source it came from. Every loader produces these; every computation reads them.
 * Values keep the source's unit: persons, million euro, a ratio. Flags are Eurostat's (`p` provisional,
 * `e` estimated, `b` break in series, …) and are kept verbatim.
 */
export interface Observation {
  indicator: string;
  geo: string;
  /** Canonical period: `2024`, `2024-Q3` or `2024-07`. */
  period: string;
  value: number;
  unit: string;
  flags: string;
  /** Where the figure came from, e.g. `eurostat:migr_asyappctza` or `frontex:ibc`. */
  source: string;
  /** The release or extraction the figure belongs to, e.g. `2026-09-16`. */
  vintage: string;
  /** Extra dimension values beyond geo and period, e.g. `{ citizen: 'SY' }` or `{ route: '…' }`. */
  dims?: Record<string, string>;
}
