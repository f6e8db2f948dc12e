/**
 * Real figures of `../shared/data` written in Eurostat's SDMX-CSV and bulk TSV wire shapes. No recorded SDMX-CSV or
 * TSV response exists in `../shared/data/fixtures/` (PROVENANCE.md says so), so these shapes are built here from the
 * real tidy files, following the headers documented in PROVENANCE.md ("URL patterns seen in public code"). The
 * figures are real; the framing is ours. The tidy loader reads the same figures, so a test can compare both paths.
 */
import type { Observation } from '../../src/domain/observation.ts';
import { parseTidyCsv } from '../../src/data/tidy-csv.ts';
import { realEntry, realText } from './data-folder.ts';

export function tidyObservations(file: string): Observation[] {
  return parseTidyCsv(realText(file), realEntry(file), file).observations;
}

export interface SeriesRows {
  /** Dimension codes other than freq, geo and time, in the dataset's order. */
  codes: Record<string, string>;
  observations: readonly Observation[];
}

/** SDMX 2.1 `format=SDMX-CSV`. `lastUpdate` as Eurostat writes it: `DD/MM/YY hh:mm:ss`. */
export function sdmx21Csv(dataflow: string, lastUpdate: string, series: readonly SeriesRows[]): string {
  const dims = Object.keys(series[0]!.codes);
  const lines = [`DATAFLOW,LAST UPDATE,freq,${dims.join(',')},geo,TIME_PERIOD,OBS_VALUE,OBS_FLAG,CONF_STATUS`];
  for (const s of series) {
    for (const o of s.observations) {
      lines.push(`${dataflow},${lastUpdate},${freqOf(o.period)},${dims.map((d) => s.codes[d]).join(',')},${o.geo},${o.period},${o.value},${o.flags},`);
    }
  }
  return lines.join('\n') + '\n';
}

/** SDMX 3.0 `format=csvdata&formatVersion=2.0&labels=name`: a label column after every code column. */
export function sdmx30CsvWithLabels(structureId: string, name: string, series: readonly SeriesRows[]): string {
  const dims = Object.keys(series[0]!.codes);
  const header = ['STRUCTURE', 'STRUCTURE_ID', 'STRUCTURE_NAME', 'freq', 'Time frequency'];
  for (const d of dims) header.push(d, `${d[0]!.toUpperCase()}${d.slice(1)} (label)`);
  header.push('geo', 'Geopolitical entity (reporting)', 'TIME_PERIOD', 'Time', 'OBS_VALUE', 'Observation value', 'OBS_FLAG', 'Observation status (Flag) V2 structure', 'CONF_STATUS', 'Confidentiality status (flag)');
  const lines = [header.join(',')];
  for (const s of series) {
    for (const o of s.observations) {
      const row = ['dataflow', structureId, `"${name}"`, freqOf(o.period), freqOf(o.period) === 'A' ? 'Annual' : 'Monthly'];
      for (const d of dims) row.push(s.codes[d]!, `"label of ${s.codes[d]}, with a comma"`);
      row.push(o.geo, o.geo, o.period, '', String(o.value), '', o.flags, '', '', '');
      lines.push(row.join(','));
    }
  }
  return lines.join('\n') + '\n';
}

/** Bulk TSV: one row per series, one column per period, `:` where a figure is missing. */
export function bulkTsv(series: readonly SeriesRows[], periodSpelling: (p: string) => string = (p) => p): string {
  const dims = Object.keys(series[0]!.codes);
  const periods = [...new Set(series.flatMap((s) => s.observations.map((o) => o.period)))].sort();
  const lines = [`freq,${dims.join(',')},geo\\TIME_PERIOD\t${periods.map((p) => `${periodSpelling(p)} `).join('\t')}`];
  for (const s of series) {
    const byGeo = new Map<string, Map<string, Observation>>();
    for (const o of s.observations) {
      if (!byGeo.has(o.geo)) byGeo.set(o.geo, new Map());
      byGeo.get(o.geo)!.set(o.period, o);
    }
    for (const [geo, row] of [...byGeo].sort(([a], [b]) => a.localeCompare(b))) {
      const cells = periods.map((p) => {
        const o = row.get(p);
        if (!o) return ': ';
        return o.flags ? `${o.value} ${o.flags}` : `${o.value} `;
      });
      lines.push(`${freqOf(periods[0]!)},${dims.map((d) => s.codes[d]).join(',')},${geo}\t${cells.join('\t')}`);
    }
  }
  return lines.join('\n') + '\n';
}

function freqOf(period: string): string {
  return /Q/.test(period) ? 'Q' : period.length === 7 ? 'M' : 'A';
}
