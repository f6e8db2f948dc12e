/**
 * A table of the Report, independent of language: column ids and raw values. The HTML prints it with the
 * language's labels and number formats; the annexes (CSV, JSON, XLSX) carry the same values unformatted, so a
 * reader can check every printed figure against them.
 */

/** How a column's values are printed; annexes keep the raw value whatever the type (a `route`, Frontex's name). */
export type ColumnType = 'state' | 'route' | 'text' | 'label' | 'integer' | 'decimal' | 'percent' | 'change' | 'points' | 'period' | 'date' | 'hash' | 'share' | 'labels';

export interface Column {
  id: string;
  type: ColumnType;
  /** For `label` columns: the catalog key is `<prefix><value>` (the annexes keep the bare value); `labels` columns hold
   * several values joined by `+`. */
  prefix?: string;
}

export type Value = string | number | null;

export interface ReportTable {
  /** Stable id: the annex file name and the key of its title (`table.<id>`). */
  id: string;
  columns: Column[];
  rows: Record<string, Value>[];
  /** Placeholders of the title. */
  params?: Record<string, string | number>;
}

export const col = (id: string, type: ColumnType, prefix?: string): Column => (prefix ? { id, type, prefix } : { id, type });
