/** Data sources and gaps (AMMR Art 9(2), 10): what the store holds per indicator, each file's vintage, what is missing. */
import type { CoverageSummary } from '../../data/coverage.ts';
import { REGISTRY } from '../../data/registry.ts';
import { col, type ReportTable } from '../table.ts';
import type { InputFile } from '../manifest.ts';

export function coverageTable(c: CoverageSummary): ReportTable {
  const rows = REGISTRY.map((def) => {
    const entries = c.coverage.filter((e) => e.indicator === def.id);
    return {
      indicator: def.id,
      legal_basis: def.legalBasis,
      geos: new Set(entries.map((e) => e.geo)).size,
      series: entries.length,
      first: entries.length ? entries.map((e) => e.first).sort()[0]! : null,
      last: entries.length ? entries.map((e) => e.last).sort().at(-1)! : null,
    };
  });
  return {
    id: 'data-coverage',
    columns: [col('indicator', 'label', 'indicator.'), col('legal_basis', 'text'), col('geos', 'integer'), col('series', 'integer'), col('first', 'period'), col('last', 'period')],
    rows,
  };
}

export function gapsTable(c: CoverageSummary): ReportTable {
  return {
    id: 'data-gaps',
    columns: [col('indicator', 'label', 'indicator.'), col('gap', 'label', 'gap.'), col('where', 'text')],
    rows: c.gaps.map((g) => ({
      indicator: g.indicator,
      gap: g.kind,
      where: g.kind === 'missing-states' ? g.states.join(', ') : g.kind === 'ends-before-reference-period' ? g.series.map((s) => `${s.geo} (${s.last})`).join(', ') : '',
    })),
  };
}

export function inputsTable(files: readonly InputFile[]): ReportTable {
  return {
    id: 'data-inputs',
    columns: [col('file', 'text'), col('source', 'text'), col('vintage', 'text'), col('rows', 'integer'), col('sha256', 'hash')],
    rows: files.map((f) => ({ file: f.file, source: f.source, vintage: f.vintages.join(', '), rows: f.rows, sha256: f.sha256 })),
  };
}
